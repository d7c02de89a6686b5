using System.Net;
using System.Net.Sockets;
using BacklogJira.Jira.Configuration;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BacklogJira.Jira.Resilience;

/// <summary>
/// The retry and timeout policy for every Jira call. Reads and idempotent writes retry on 429, 500 and 502–504, timeouts and
/// connection failures. Creates, comments and transitions retry only on answers that prove Jira did not act (429, 503):
/// a dropped connection after a create may have created the issue, and retrying blindly would duplicate it.
/// A refused connection, a name that does not resolve and a TLS failure are not retried: they do not heal in seconds,
/// and retrying them meant half a minute of silence (docs/jira-rest.md, "Retries"). Every retry is logged with its
/// reason and wait; a wait over 5 s at warning level, so a terminal shows it.
/// </summary>
internal sealed class JiraResiliencePipelines
{
    private readonly JiraConnectionSettings _settings;
    private readonly TimeProvider _clock;
    private readonly Random _random = new();
    private readonly ILogger _logger;

    public static readonly TimeSpan VisibleWait = TimeSpan.FromSeconds(5);

    public JiraResiliencePipelines(JiraConnectionSettings settings, TimeProvider clock, ILogger logger)
    {
        _settings = settings;
        _clock = clock;
        _logger = logger;
        Idempotent = Build(retryFailures: true);
        NotIdempotent = Build(retryFailures: false);
    }

    public ResiliencePipeline<HttpResponseMessage> Idempotent { get; }

    public ResiliencePipeline<HttpResponseMessage> NotIdempotent { get; }

    private ResiliencePipeline<HttpResponseMessage> Build(bool retryFailures)
    {
        var handle = new PredicateBuilder<HttpResponseMessage>()
            .HandleResult(response => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                || (retryFailures && response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout));
        if (retryFailures) handle = handle.Handle<HttpRequestException>(error => !IsLasting(error)).Handle<TimeoutRejectedException>();
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = handle,
                MaxRetryAttempts = _settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _settings.BackoffBase,
                MaxDelay = _settings.MaxRetryDelay,
                DelayGenerator = args =>
                {
                    if (args.Outcome.Result is { } response)
                    {
                        TimeSpan? delay;
                        lock (_random) delay = RetryDelay.FromHeaders(response.Headers, _clock.GetUtcNow(), _settings.MaxRetryDelay, _random);
                        return new ValueTask<TimeSpan?>(delay);
                    }
                    return new ValueTask<TimeSpan?>((TimeSpan?)null);
                },
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is { } response ? $"Jira answered {(int)response.StatusCode}"
                        : args.Outcome.Exception is TimeoutRejectedException ? $"Jira did not answer within {_settings.RequestTimeout.TotalSeconds:0} s"
                        : $"the connection failed ({args.Outcome.Exception?.Message})";
                    _logger.Log(args.RetryDelay > VisibleWait ? LogLevel.Warning : LogLevel.Debug,
                        "{Operation}: {Reason}; waiting {Seconds:0.#} s, attempt {Attempt} of {Attempts}",
                        args.Context.OperationKey ?? "Jira request", reason, args.RetryDelay.TotalSeconds, args.AttemptNumber + 2, _settings.MaxRetries + 1);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(_settings.RequestTimeout)
            .Build();
    }

    /// <summary>Failures that do not heal within a retry's wait: nothing listens, the name does not resolve, TLS fails.</summary>
    public static bool IsLasting(HttpRequestException error) =>
        error.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
        || error.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable };
}
