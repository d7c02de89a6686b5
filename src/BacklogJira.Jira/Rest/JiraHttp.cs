using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace BacklogJira.Jira.Rest;

/// <summary>One HTTP call to Jira: authentication, bounded concurrency, the retry/timeout pipeline, JSON in and out,
/// and translation of failures. Logs method, path, status and time only: never headers or bodies.</summary>
internal sealed class JiraHttp : IDisposable
{
    private readonly HttpClient _http;
    private readonly JiraConnectionSettings _settings;
    private readonly Uri _site;
    private readonly JiraResiliencePipelines _pipelines;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger _logger;

    public JiraHttp(HttpClient http, JiraConnectionSettings settings, TimeProvider clock, ILogger logger)
    {
        _http = http;
        _settings = settings;
        _site = new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
        _pipelines = new JiraResiliencePipelines(settings, clock, logger);
        _slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        _logger = logger;
    }

    public static HttpClient CreateHttpClient(JiraConnectionSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            // A redirect to a login page must be seen, not followed into a 200 HTML answer.
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = Math.Max(1, settings.MaxConcurrency),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        var http = new HttpClient(handler) { BaseAddress = settings.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("backlog-jira", "0.1"));
        http.DefaultRequestHeaders.Authorization = settings.PersonalToken is { } pat
            ? new AuthenticationHeaderValue("Bearer", pat)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.ApiToken}")));
        return http;
    }

    /// <summary>Sends and returns the JSON answer (null for 204). With <paramref name="notFoundIsNull"/>, 404 gives null.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool idempotent, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        var operation = $"{method} {PathOnly(path)}";
        var pipeline = idempotent ? _pipelines.Idempotent : _pipelines.NotIdempotent;
        var payload = body?.ToJsonString();
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        var resilience = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            response = await pipeline.ExecuteAsync(async context =>
            {
                var token = context.CancellationToken;
                await _slots.WaitAsync(token);
                try
                {
                    // Below the site's own path: a Data Center under /jira keeps it (an absolute path would drop it).
                    using var request = new HttpRequestMessage(method, new Uri(_site, path.TrimStart('/')));
                    if (payload is not null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                }
                finally
                {
                    _slots.Release();
                }
            }, resilience);
        }
        catch (TimeoutRejectedException error)
        {
            throw new JiraUnavailableException($"{operation}: Jira did not answer within {_settings.RequestTimeout.TotalSeconds:0} s, {_settings.MaxRetries + 1} times. Check the network or raise the timeout.", null, error);
        }
        catch (HttpRequestException error)
        {
            throw new JiraUnavailableException($"{operation}: could not reach Jira at {_settings.BaseUrl} ({error.Message}). Check JIRA_URL and the network.", null, error);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            _logger.LogDebug("{Operation} → {Status} in {Elapsed} ms", operation, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull) return null;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode || mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
                throw JiraErrorTranslator.Translate(operation, response.StatusCode, mediaType, text, _settings.AuthDescription);
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
    }

    private static string PathOnly(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }

    public void Dispose()
    {
        _http.Dispose();
        _slots.Dispose();
    }
}
