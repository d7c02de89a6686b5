namespace BacklogJira.Sync.Engine;

/// <summary>
/// How a run's pairs share the machine and Jira (docs/sync.md, "Performance"): local work (reading, merging, writing
/// task files and state) holds one of <c>4 × parallel</c> local slots, a write to Jira one of <c>parallel</c> Jira slots,
/// and a pair waiting for Jira holds neither. So when the first thousand pairs of a run all wait for Jira, the pairs
/// behind them that only need their task file written are done meanwhile, not after the last push.
/// </summary>
internal sealed class PairLanes(int parallel) : IDisposable
{
    private readonly SemaphoreSlim _local = new(LocalSlots(parallel));
    private readonly SemaphoreSlim _jira = new(Math.Max(1, parallel));

    /// <summary>How many pairs may be in flight at once: those in either lane and those waiting for one. Waiting costs
    /// only a suspended task, so it is generous; one at a time when prompts must not interleave.</summary>
    public int PairsInFlight { get; } = parallel <= 1 ? 1 : parallel * 64;

    private static int LocalSlots(int parallel) => parallel <= 1 ? 1 : parallel * 4;

    /// <summary>Holds a local slot until disposed.</summary>
    public async Task<LocalSlot> LocalAsync(CancellationToken cancellationToken)
    {
        await _local.WaitAsync(cancellationToken);
        return new LocalSlot(_local);
    }

    /// <summary>Runs <paramref name="write"/> in a Jira slot; the caller's local slot is given up while it waits and
    /// writes, and taken again before this returns.</summary>
    public async Task<T> JiraAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        _local.Release();
        try
        {
            await _jira.WaitAsync(cancellationToken);
            try
            {
                return await write();
            }
            finally
            {
                _jira.Release();
            }
        }
        finally
        {
            await _local.WaitAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _local.Dispose();
        _jira.Dispose();
    }

    internal sealed class LocalSlot(SemaphoreSlim local) : IDisposable
    {
        public void Dispose() => local.Release();
    }
}
