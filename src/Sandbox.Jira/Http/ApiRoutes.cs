using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sandbox.Jira.Jql;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Registers a handler under every REST version the deployment serves (Cloud: 2 and 3; Data Center: 2) and
/// turns Jira errors into <c>ErrorCollection</c> answers.</summary>
internal sealed class ApiRoutes(IEndpointRouteBuilder app, SandboxState state)
{
    // Jira writes quotes and plus signs as they are, not as \u0027 / \u002B.
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public delegate Reply Handler(HttpContext http, ApiContext api, JsonNode? body, SandboxUser me);

    public IReadOnlyList<int> Versions => state.Mode == SandboxMode.Cloud ? [2, 3] : [2];

    public void Map(string method, string pattern, Handler handler, IReadOnlyList<int>? versions = null)
    {
        foreach (var version in versions ?? Versions)
        {
            app.MapMethods($"/rest/api/{version}{pattern}", [method], (HttpContext http) => RunAsync(http, version, handler));
        }
    }

    /// <summary>A handler at a path outside <c>/rest/api/{version}</c> (the webhook API), rendered as REST v2.</summary>
    public void MapPath(string method, string path, Handler handler) =>
        app.MapMethods(path, [method], (HttpContext http) => RunAsync(http, 2, handler));

    private async Task RunAsync(HttpContext http, int version, Handler handler)
    {
        Reply reply;
        try
        {
            var body = await ReadBodyAsync(http);
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var me = http.Items.TryGetValue(Authentication.UserItem, out var user) ? (SandboxUser)user! : state.Read(d => d.Users[0]);
            SandboxState.Actor.Value = me;
            reply = handler(http, new ApiContext(version, baseUrl, state), body, me);
        }
        catch (JiraApiException error)
        {
            reply = new Reply(error.Status, JiraJson.Error(error.ErrorMessages, error.Errors));
        }
        catch (JqlException error)
        {
            reply = new Reply(400, JiraJson.Error([error.Message]));
        }
        http.Response.StatusCode = reply.Status;
        if (reply.Body is null) return;
        http.Response.ContentType = "application/json;charset=UTF-8";
        await http.Response.WriteAsync(reply.Body.ToJsonString(Output), http.RequestAborted);
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || !HttpMethods.IsPost(http.Request.Method) && !HttpMethods.IsPut(http.Request.Method)) return null;
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException error)
        {
            throw JiraApiException.BadRequest($"Unexpected character in the request body: {error.Message}");
        }
    }

    public static string? Query(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public static int QueryInt(HttpContext http, string name, int fallback) =>
        int.TryParse(Query(http, name), out var value) ? value : fallback;

    public static string Route(HttpContext http, string name) => http.Request.RouteValues[name]?.ToString() ?? "";
}
