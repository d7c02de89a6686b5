namespace BacklogJira.Serve.Work;

/// <summary>What <c>/healthz</c> reports, updated by the webhook endpoint and the worker (from several threads).</summary>
public sealed class ServeStatus
{
    private readonly Lock _gate = new();
    private long _webhooksAccepted;
    private long _webhooksDuplicate;
    private long _webhooksRejected;
    private long _batches;
    private long _pairsSynced;

    public DateTimeOffset Started { get; init; }
    public DateTimeOffset? LastWebhook { get; private set; }
    public DateTimeOffset? LastBatch { get; private set; }
    public DateTimeOffset? LastPoll { get; private set; }
    public string? LastError { get; private set; }

    public long WebhooksAccepted => Interlocked.Read(ref _webhooksAccepted);
    public long WebhooksDuplicate => Interlocked.Read(ref _webhooksDuplicate);
    public long WebhooksRejected => Interlocked.Read(ref _webhooksRejected);
    public long Batches => Interlocked.Read(ref _batches);
    public long PairsSynced => Interlocked.Read(ref _pairsSynced);

    public void WebhookAccepted(DateTimeOffset at)
    {
        Interlocked.Increment(ref _webhooksAccepted);
        lock (_gate) LastWebhook = at;
    }

    public void WebhookDuplicate() => Interlocked.Increment(ref _webhooksDuplicate);

    public void WebhookRejected() => Interlocked.Increment(ref _webhooksRejected);

    public void BatchDone(DateTimeOffset at, int pairs)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _pairsSynced, pairs);
        lock (_gate)
        {
            LastBatch = at;
            LastError = null;
        }
    }

    public void PollDone(DateTimeOffset at)
    {
        lock (_gate) LastPoll = at;
    }

    public void Failed(string error)
    {
        lock (_gate) LastError = error;
    }
}
