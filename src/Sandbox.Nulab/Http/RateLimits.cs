using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Sandbox.Nulab.Http;

/// <summary>Backlog's per-minute limits per category (read, update, search), reported on every answer as
/// <c>X-RateLimit-Limit/Remaining/Reset</c> (reset in epoch seconds); an exhausted category answers 429 with code 13.
/// <see cref="Throttle"/> makes the next answers 429 whatever the counts, for storms in tests.</summary>
public sealed class RateLimits(NulabSandboxOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _used = [];
    private long _windowStart = -1;
    private int _throttled;
    private TimeSpan _throttleReset;

    public void Throttle(int answers, TimeSpan resetAfter)
    {
        lock (_gate)
        {
            _throttled = answers;
            _throttleReset = resetAfter;
        }
    }

    public static string CategoryOf(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) ? "update"
        : request.Path.Value is "/api/v2/issues" or "/api/v2/issues/count" ? "search"
        : "read";

    public int LimitOf(string category) => category switch
    {
        "update" => options.UpdateLimit,
        "search" => options.SearchLimit,
        _ => options.ReadLimit,
    };

    /// <summary>Counts the request, writes the headers, and says whether it may go on.</summary>
    public bool Admit(HttpContext http)
    {
        var category = CategoryOf(http.Request);
        var limit = LimitOf(category);
        var now = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        int remaining;
        long reset;
        bool admitted;
        lock (_gate)
        {
            if (now - _windowStart >= 60 || _windowStart < 0)
            {
                _windowStart = now - now % 60;
                _used.Clear();
            }
            reset = _windowStart + 60;
            if (_throttled > 0)
            {
                _throttled--;
                remaining = 0;
                reset = now + (long)Math.Ceiling(_throttleReset.TotalSeconds);
                admitted = false;
            }
            else
            {
                var used = _used.GetValueOrDefault(category);
                admitted = used < limit;
                if (admitted) _used[category] = ++used;
                remaining = limit - used;
            }
        }
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        return admitted;
    }

    /// <summary>GET /api/v2/rateLimit.</summary>
    public System.Text.Json.Nodes.JsonObject Snapshot()
    {
        var now = options.Clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var reset = _windowStart < 0 ? now - now % 60 + 60 : _windowStart + 60;
            System.Text.Json.Nodes.JsonObject Category(string name, int limit) => new()
            {
                ["limit"] = limit, ["remaining"] = limit - _used.GetValueOrDefault(name), ["reset"] = reset,
            };
            return new System.Text.Json.Nodes.JsonObject
            {
                ["rateLimit"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["read"] = Category("read", options.ReadLimit),
                    ["update"] = Category("update", options.UpdateLimit),
                    ["search"] = Category("search", options.SearchLimit),
                    ["icon"] = Category("icon", 60),
                },
            };
        }
    }
}
