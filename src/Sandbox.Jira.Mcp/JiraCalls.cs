using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Mcp;

/// <summary>How the stand-in reaches Jira: its own plain HTTP calls, REST v2 as atlassian-python-api makes them
/// (v3 only for Cloud search, as mcp-atlassian 0.23 does), no retries (<c>ATLASSIAN_RETRY_TOTAL</c> defaults to 0).
/// It shares no code with the product's REST client, so a client bug cannot hide behind the stand-in.</summary>
internal sealed class JiraCalls : IDisposable
{
    private readonly HttpClient _http;

    public JiraCalls(Uri baseUrl, string? user, string? apiToken, string? personalToken)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(75) };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(personalToken))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", personalToken);
        else if (!string.IsNullOrEmpty(user))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + apiToken)));
        BaseUrl = _http.BaseAddress;
    }

    public Uri BaseUrl { get; }

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode?> PostAsync(string path, JsonNode body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode?> PutAsync(string path, JsonNode body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try { json = text.Length == 0 ? null : JsonNode.Parse(text); }
        catch (JsonException) { }
        if (response.IsSuccessStatusCode) return json;
        var messages = new List<string>();
        if (json?["errorMessages"] is JsonArray errorMessages) messages.AddRange(errorMessages.Select(m => m?.ToString() ?? ""));
        if (json?["errors"] is JsonObject errors) messages.AddRange(errors.Select(e => e.Value?.ToString() ?? ""));
        throw new JiraCallException(response.StatusCode, messages, text);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A Jira answer other than 2xx: its status and the messages of its error body.</summary>
internal sealed class JiraCallException(HttpStatusCode status, IReadOnlyList<string> messages, string body)
    : Exception($"{(int)status} {status}: {(messages.Count > 0 ? string.Join("; ", messages) : body)}")
{
    public HttpStatusCode Status { get; } = status;
    public IReadOnlyList<string> Messages { get; } = messages;
}
