using System.Net;
using BacklogJira.Jira.Configuration;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BacklogJira.Jira.Resilience;

/// <summary>
/// The retry and timeout policy for every Jira call. Reads and idempotent writes retry on 429, 500 and 502–504, timeouts and
/// connection failures. Creates, comments and transitions retry only on answers that prove Jira did not act (429, 503):
/// a dropped connection after a create may have created the issue, and retrying blindly would duplicate it.
/// </summary>
internal sealed class JiraResiliencePipelines
{
    private readonly JiraConnectionSettings _settings;
    private readonly TimeProvider _clock;
    private readonly Random _random = new();

    public JiraResiliencePipelines(JiraConnectionSettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
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
        if (retryFailures) handle = handle.Handle<HttpRequestException>().Handle<TimeoutRejectedException>();
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
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(_settings.RequestTimeout)
            .Build();
    }
}
