using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>Registers handlers under /api/v2 and turns <see cref="NulabApiException"/> into Nulab's error answers.</summary>
internal sealed class NulabRoutes(IEndpointRouteBuilder app, SpaceState space)
{
    public delegate JsonNode Reader(HttpContext http, QueryReader query, SpaceState space);

    public delegate Task<JsonNode> Writer(HttpContext http, IFormCollection form, SpaceState space);

    public void Get(string pattern, Reader handler)
    {
        Task Handle(HttpContext http) => RunAsync(http, () => Task.FromResult(space.Read(s => handler(http, new QueryReader(http.Request.Query), s))));
        app.MapGet("/api/v2" + pattern, Handle);
    }

    public void Write(string method, string pattern, Writer handler)
    {
        async Task<JsonNode> Invoke(HttpContext http)
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
            return await handler(http, form, space);
        }
        Task Handle(HttpContext http) => RunAsync(http, () => Invoke(http));
        app.MapMethods("/api/v2" + pattern, [method], Handle);
    }

    public static string Route(HttpContext http, string name) => http.Request.RouteValues[name]?.ToString() ?? "";

    /// <summary>Set by a handler whose answer is Backlog's 204 No Content.</summary>
    public const string NoContentKey = "nulab.no-content";

    private static async Task RunAsync(HttpContext http, Func<Task<JsonNode>> handler)
    {
        JsonNode body;
        try
        {
            body = await handler();
            if (http.Response.HasStarted) return;
            if (http.Items.ContainsKey(NoContentKey))
            {
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }
        catch (NulabApiException error)
        {
            http.Response.StatusCode = error.Status;
            body = NulabJson.Error(error.Code, error.Message, error.MoreInfo);
        }
        await WriteAsync(http, body);
    }

    public static Task WriteAsync(HttpContext http, JsonNode body)
    {
        http.Response.ContentType = "application/json;charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(NulabJson.Output), http.RequestAborted);
    }
}
