using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Tests.Http;

/// <summary>Raw HTTP to a sandbox, as a client that knows nothing of ours would send it.</summary>
internal static class SandboxHttp
{
    public static HttpClient Client(JiraSandbox sandbox, string scheme = "Basic", string? credentials = null)
    {
        var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        credentials ??= scheme == "Basic"
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sandbox.Options.User}:{sandbox.Options.Token}"))
            : sandbox.Options.Token;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, credentials);
        return http;
    }

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpClient http, string method, string url, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
