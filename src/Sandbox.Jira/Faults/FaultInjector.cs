using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sandbox.Jira.Faults;

/// <summary>Middleware that counts requests and applies the current <see cref="FaultPlan"/> before the endpoint runs.</summary>
public sealed class FaultInjector(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private FaultPlan _plan = FaultPlan.None;
    private Random _random = new(FaultPlan.None.Seed);
    private DateTimeOffset _windowStart;
    private int _windowCount;
    private int _rateLimitNext;
    private readonly List<(string Endpoint, int Count)> _loseAnswers = [];

    public RequestCounters Counters { get; } = new();

    public FaultPlan Plan
    {
        get { lock (_gate) return _plan; }
        set
        {
            lock (_gate)
            {
                _plan = value;
                _random = new Random(value.Seed);
                _windowCount = 0;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests get 429, whatever the plan says.</summary>
    public void RateLimitNext(int count)
    {
        lock (_gate) _rateLimitNext = count;
    }

    /// <summary>The next <paramref name="count"/> requests to an endpoint containing <paramref name="endpoint"/> (e.g.
    /// <c>POST /rest/api/3/issue/{issueIdOrKey}/transitions</c>) are carried out, then their connection is dropped
    /// before the answer: the client cannot know that Jira applied them.</summary>
    public void LoseAnswers(string endpoint, int count = 1)
    {
        lock (_gate) _loseAnswers.Add((endpoint, count));
    }

    private bool TakeLostAnswer(string endpoint)
    {
        lock (_gate)
        {
            var index = _loseAnswers.FindIndex(r => r.Count > 0 && endpoint.Contains(r.Endpoint, StringComparison.Ordinal));
            if (index < 0) return false;
            _loseAnswers[index] = _loseAnswers[index] with { Count = _loseAnswers[index].Count - 1 };
            return true;
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint() is RouteEndpoint route
            ? $"{context.Request.Method} {route.RoutePattern.RawText}"
            : $"{context.Request.Method} (unmatched)";
        Counters.Count(endpoint);
        var (plan, fault) = Decide();
        if (plan.Latency > TimeSpan.Zero) await Task.Delay(plan.Latency, clock, context.RequestAborted);
        switch (fault)
        {
            case Fault.Drop:
                Counters.CountFault();
                context.Abort();
                return;
            case Fault.RateLimit:
                Counters.CountFault();
                await RateLimitedAsync(context, plan);
                return;
            case Fault.ServerError:
                Counters.CountFault();
                await ServerErrorAsync(context);
                return;
            case Fault.LoginPage:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "text/html;charset=UTF-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Log in with Atlassian account</title></head><body><form id=\"form-login\" action=\"/login\"></form></body></html>");
                return;
        }
        if (plan.RateLimitPerWindow is { } limit)
        {
            var remaining = Math.Max(0, limit - CurrentWindowCount());
            context.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            if (remaining < limit / 5) context.Response.Headers["X-RateLimit-NearLimit"] = "true";
        }
        if (TakeLostAnswer(endpoint))
        {
            Counters.CountFault();
            // The endpoint runs against a body nobody reads; then the connection goes, answer unsent.
            context.Response.Body = new MemoryStream();
            await next(context);
            context.Abort();
            return;
        }
        if (plan.SlowBody > TimeSpan.Zero)
            context.Response.Body = new SlowStream(context.Response.Body, plan.SlowBody, clock);
        await next(context);
    }

    private enum Fault { None, Drop, RateLimit, ServerError, LoginPage }

    private (FaultPlan Plan, Fault Fault) Decide()
    {
        lock (_gate)
        {
            var plan = _plan;
            if (plan.LoginPage) return (plan, Fault.LoginPage);
            if (_rateLimitNext > 0) { _rateLimitNext--; return (plan, Fault.RateLimit); }
            if (plan.DropFraction > 0 && _random.NextDouble() < plan.DropFraction) return (plan, Fault.Drop);
            if (plan.ServerErrorFraction > 0 && _random.NextDouble() < plan.ServerErrorFraction) return (plan, Fault.ServerError);
            if (plan.RateLimitFraction > 0 && _random.NextDouble() < plan.RateLimitFraction) return (plan, Fault.RateLimit);
            if (plan.RateLimitPerWindow is { } limit)
            {
                var now = clock.GetUtcNow();
                if (now - _windowStart >= plan.RateLimitWindow) { _windowStart = now; _windowCount = 0; }
                if (++_windowCount > limit) return (plan, Fault.RateLimit);
            }
            return (plan, Fault.None);
        }
    }

    private int CurrentWindowCount()
    {
        lock (_gate) return _windowCount;
    }

    private async Task RateLimitedAsync(HttpContext context, FaultPlan plan)
    {
        var response = context.Response;
        response.StatusCode = 429;
        response.Headers["Retry-After"] = plan.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Limit"] = (plan.RateLimitPerWindow ?? 100).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = "0";
        response.Headers["X-RateLimit-Reset"] = clock.GetUtcNow().AddSeconds(plan.RetryAfterSeconds).AddMinutes(1)
            .ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        response.Headers["RateLimit-Reason"] = "jira-burst-based";
        if (plan.HtmlRateLimitBody)
        {
            response.ContentType = "text/html;charset=UTF-8";
            await response.WriteAsync("<html><head><title>Oops - an error has occurred</title></head><body>Rate limit exceeded.</body></html>");
            return;
        }
        response.ContentType = "application/json;charset=UTF-8";
        await response.WriteAsync("""{"errorMessages":["Rate limit exceeded."],"errors":{}}""");
    }

    private async Task ServerErrorAsync(HttpContext context)
    {
        bool unavailable;
        lock (_gate) unavailable = _random.Next(2) == 0;
        context.Response.StatusCode = unavailable ? 503 : 500;
        if (unavailable) context.Response.Headers["Retry-After"] = "1";
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(unavailable
            ? """{"errorMessages":["Service Unavailable"],"errors":{}}"""
            : """{"errorMessages":["Internal server error"],"errors":{}}""");
    }

    /// <summary>Writes the body in small chunks with a pause between them.</summary>
    private sealed class SlowStream(Stream inner, TimeSpan pause, TimeProvider clock) : Stream
    {
        private const int Chunk = 512;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            for (var start = 0; start < buffer.Length; start += Chunk)
            {
                await inner.WriteAsync(buffer.Slice(start, Math.Min(Chunk, buffer.Length - start)), cancellationToken);
                await inner.FlushAsync(cancellationToken);
                await Task.Delay(pause, clock, cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
