using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BacklogMcp.Core.Configuration;
using BacklogMcp.Core.Errors;

namespace BacklogMcp.Core.Api;

/// <summary>
/// Backlog's REST API v2 over one HttpClient for the process: the API key as the <c>apiKey</c> query parameter (the
/// only documented way) and never in a message; a timeout per request; waits for the rate limit on 429 or when
/// <c>X-RateLimit-Remaining</c> hit 0 (until <c>X-RateLimit-Reset</c>); reads retried after 5xx and network failures.
/// Writes are retried only after a 429, which Backlog answers before doing anything, so a retry never duplicates.
/// </summary>
public sealed partial class NulabApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly BacklogMcpSettings _settings;
    private readonly RetryPolicy _policy;
    private readonly TimeProvider _clock;
    private long _blockedUntilEpochSeconds;

    public NulabApiClient(BacklogMcpSettings settings, RetryPolicy? policy = null, TimeProvider? clock = null, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _policy = policy ?? new RetryPolicy();
        _clock = clock ?? TimeProvider.System;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("backlog-mcp", typeof(NulabApiClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Uri BaseUrl => _settings.BaseUrl;

    /// <summary>How many times this client waited for the rate limit (for tests and diagnostics).</summary>
    public int RateLimitWaits => Volatile.Read(ref _rateLimitWaits);

    private int _rateLimitWaits;

    public string IssueUrl(string issueKey) => $"{_settings.BaseUrl.GetLeftPart(UriPartial.Authority)}/view/{issueKey}";

    public Task<T> GetAsync<T>(string path, NulabQuery? query, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendJsonAsync(HttpMethod.Get, path, query, null, type, cancellationToken);

    public Task<T> SendFormAsync<T>(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> form, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendJsonAsync(method, path, null, form, type, cancellationToken);

    /// <summary>A write Backlog answers with 204 No Content (mark as read).</summary>
    public async Task SendFormNoContentAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, null, form, _policy.RequestTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>Streams a download to <paramref name="write"/> (given the body, the server's file name and the length);
    /// nothing is buffered whole in memory.</summary>
    public async Task<TResult> DownloadAsync<TResult>(string path, Func<Stream, string?, long?, CancellationToken, Task<TResult>> write, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, null, _policy.DownloadTimeout, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await write(body, ContentDispositionName.Parse(response.Content.Headers.ContentDisposition), response.Content.Headers.ContentLength, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, NulabQuery? query, IReadOnlyList<KeyValuePair<string, string>>? form, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, query, form, _policy.RequestTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            var expected = typeof(T).IsGenericType ? "an array" : "an object";
            throw new BacklogMcpException(ErrorCode.BacklogResponseError,
                $"Expected {expected} from {method} {Describe(path)}, but Backlog answered something else ({Snippet(text)}). Check BACKLOG_BASE_URL points at a Backlog space.");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, NulabQuery? query, IReadOnlyList<KeyValuePair<string, string>>? form,
        TimeSpan timeout, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var isRead = method == HttpMethod.Get;
        var failures = 0;
        var rateLimited = 0;
        while (true)
        {
            await WaitForRateLimitAsync(cancellationToken);
            using var request = new HttpRequestMessage(method, new Uri(_settings.BaseUrl, path + "?" + (query ?? new NulabQuery()).Encode(_settings.ApiKey)));
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(timeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, completion, attempt.Token);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var timedOut = error is OperationCanceledException;
                if (isRead && ++failures < _policy.ReadAttempts)
                {
                    await Task.Delay(_policy.ReadBackoff * failures, _clock, cancellationToken);
                    continue;
                }
                throw new BacklogMcpException(ErrorCode.BacklogHttpError, timedOut
                    ? $"Backlog did not answer {method} {Describe(path)} within {timeout.TotalSeconds:0} s. Try again; if it persists, check the network to {_settings.BaseUrl.Host}."
                    : $"Could not reach Backlog at {_settings.BaseUrl.GetLeftPart(UriPartial.Authority)} ({SecretRedaction.Redact(error.Message, _settings.ApiKey)}). Check BACKLOG_BASE_URL and the network.");
            }

            RememberRateLimit(response);
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && ++rateLimited < _policy.RateLimitAttempts && WaitFor(response) <= _policy.MaxRateLimitWait)
                {
                    Interlocked.Increment(ref _rateLimitWaits);
                    await Task.Delay(Max(WaitFor(response), TimeSpan.FromMilliseconds(200)), _clock, cancellationToken);
                    continue;
                }
                if (isRead && (int)response.StatusCode >= 500 && ++failures < _policy.ReadAttempts)
                {
                    await Task.Delay(_policy.ReadBackoff * failures, _clock, cancellationToken);
                    continue;
                }
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var (code, message) = HttpErrorText.ParseBody(body);
                var status = (int)response.StatusCode;
                var text = HttpErrorText.Describe(status, method.Method, Describe(path), code, message, response.Content.Headers.ContentType?.ToString());
                if (status == 429) text += $" Waited {rateLimited} time(s) already; the limit resets at {ResetText(response)}.";
                throw new NulabHttpException(status, code, message, SecretRedaction.Redact(text, _settings.ApiKey));
            }
        }
    }

    /// <summary>When the last answer said the category is used up, wait for its reset instead of earning a 429.</summary>
    private async Task WaitForRateLimitAsync(CancellationToken cancellationToken)
    {
        var until = Interlocked.Read(ref _blockedUntilEpochSeconds);
        if (until == 0) return;
        var wait = DateTimeOffset.FromUnixTimeSeconds(until) - _clock.GetUtcNow();
        Interlocked.CompareExchange(ref _blockedUntilEpochSeconds, 0, until);
        if (wait <= TimeSpan.Zero || wait > _policy.MaxRateLimitWait) return;
        Interlocked.Increment(ref _rateLimitWaits);
        await Task.Delay(wait, _clock, cancellationToken);
    }

    private void RememberRateLimit(HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Remaining") is "0" && long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
            Interlocked.Exchange(ref _blockedUntilEpochSeconds, reset);
        else if (response.StatusCode != HttpStatusCode.TooManyRequests)
            Interlocked.Exchange(ref _blockedUntilEpochSeconds, 0);
    }

    private TimeSpan WaitFor(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta) return delta;
        if (long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
            return Max(DateTimeOffset.FromUnixTimeSeconds(reset) - _clock.GetUtcNow(), TimeSpan.Zero);
        return TimeSpan.FromSeconds(60);
    }

    private static string ResetText(HttpResponseMessage response) =>
        long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset)
            ? DateTimeOffset.FromUnixTimeSeconds(reset).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : "an unknown time (no X-RateLimit-Reset header)";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private string Describe(string path) => _settings.BaseUrl.GetLeftPart(UriPartial.Authority) + path;

    private string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        flat = flat.Length > 120 ? flat[..120] + "…" : flat;
        return flat.Length == 0 ? "an empty body" : "'" + SecretRedaction.Redact(flat, _settings.ApiKey) + "'";
    }

    public void Dispose() => _http.Dispose();
}
