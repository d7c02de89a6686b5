using Microsoft.AspNetCore.Http;

namespace Sandbox.Nulab.Http;

/// <summary>One request as the sandbox received it: decoded query pairs (apiKey left out) and the raw query string.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, int Status);

/// <summary>Every request, in order, so tests can assert the exact calls a tool made.</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate) return [.. _requests];
    }

    public void Clear()
    {
        lock (_gate) _requests.Clear();
    }

    internal void Add(HttpContext http)
    {
        var query = http.Request.Query
            .Where(pair => pair.Key != "apiKey")
            .SelectMany(pair => pair.Value.Select(v => new KeyValuePair<string, string>(pair.Key, v ?? "")))
            .ToList();
        lock (_gate) _requests.Add(new RecordedRequest(http.Request.Method, http.Request.Path.Value ?? "", query, http.Response.StatusCode));
    }
}
