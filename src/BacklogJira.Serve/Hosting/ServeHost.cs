using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.Serve.Queue;
using BacklogJira.Serve.Webhooks;
using BacklogJira.Serve.Work;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;

namespace BacklogJira.Serve.Hosting;

/// <summary>
/// The <c>serve</c> process: Kestrel on <see cref="ServeOptions.Bind"/> (loopback unless told otherwise) with the
/// webhook endpoint and <c>/healthz</c>, the task file watcher and the worker. Stopping closes the listener first (Jira
/// retries what it cannot deliver), then lets the worker finish the batch under way.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskFileWatcher? _files;
    private readonly PairWorker _worker;

    private ServeHost(WebApplication app, TaskFileWatcher? files, PairWorker worker, ServeStatus status, Uri baseUrl)
    {
        _app = app;
        _files = files;
        _worker = worker;
        Status = status;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public ServeStatus Status { get; }
    public Uri WebhookUrl => new(BaseUrl, WebhookEndpoint.Path.TrimStart('/'));

    public static async Task<ServeHost> StartAsync(ServeOptions options, PendingWork queue, IServeSync sync, IReadOnlyList<string> taskFolders,
        TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
        var status = new ServeStatus { Started = clock.GetUtcNow() };
        var worker = new PairWorker(queue, sync, status, options, clock, output);
        var endpoint = new WebhookEndpoint(queue, new DeliveryIds(), status, options, clock);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(options.Bind, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.AddFixedWindowLimiter("webhooks", window =>
            {
                window.PermitLimit = options.RequestsPerMinute;
                window.Window = TimeSpan.FromMinutes(1);
                window.QueueLimit = 0;
            });
        });
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapPost(WebhookEndpoint.Path, async http => await (await endpoint.HandleAsync(http)).ExecuteAsync(http)).RequireRateLimiting("webhooks");
        // Pending is counted on disk: an item stays there until its sync is done and recorded.
        app.MapGet("/healthz", http => Results.Text(Health(status, queue.Count()).ToJsonString(), "application/json").ExecuteAsync(http));
        await app.StartAsync(cancellationToken);

        var address = app.Urls.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        var files = options.WatchFiles ? new TaskFileWatcher(taskFolders, queue, worker.PollSoon, worker.Line) : null;
        return new ServeHost(app, files, worker, status, baseUrl);
    }

    /// <summary>Runs the worker until <paramref name="stop"/>; then closes the listener and waits for the batch under way.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var working = _worker.RunAsync(stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Told to stop (Ctrl-C, SIGTERM).
        }

        _files?.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await working;
    }

    public async ValueTask DisposeAsync()
    {
        _files?.Dispose();
        await _app.DisposeAsync();
    }

    private static JsonObject Health(ServeStatus status, int pending) => new()
    {
        ["status"] = status.LastError is null ? "ok" : "degraded",
        ["started"] = Time(status.Started),
        ["pending"] = pending,
        ["webhooks"] = new JsonObject
        {
            ["accepted"] = status.WebhooksAccepted, ["duplicate"] = status.WebhooksDuplicate, ["rejected"] = status.WebhooksRejected,
            ["last"] = Time(status.LastWebhook),
        },
        ["batches"] = status.Batches,
        ["pairsSynced"] = status.PairsSynced,
        ["lastBatch"] = Time(status.LastBatch),
        ["lastPoll"] = Time(status.LastPoll),
        ["lastError"] = status.LastError,
    };

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
