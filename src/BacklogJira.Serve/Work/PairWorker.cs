using BacklogJira.BacklogMd.Locks;
using BacklogJira.Jira.Errors;
using BacklogJira.Serve.Queue;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Serve.Work;

/// <summary>
/// Turns queued items into targeted syncs, one batch at a time: waits for an event, lets a burst settle
/// (<see cref="ServeOptions.Debounce"/>), syncs every pair the batch names in one engine run and imports the new issues
/// in one import, then removes the items it did. A failure (Jira down, a 429, the lock held by a manual run) keeps the
/// items on disk and retries with backoff; nothing is dropped. Every poll interval, one incremental sync of everything
/// catches what a lost webhook missed. A batch under way when the process is told to stop finishes its writes.
/// </summary>
public sealed class PairWorker(PendingWork queue, IServeSync sync, ServeStatus status, ServeOptions options, TimeProvider clock, TextWriter output)
{
    private volatile bool _pollSoon;

    /// <summary>Events were lost (a file watcher overflowed): sync everything at the next turn instead of waiting.</summary>
    public void PollSoon()
    {
        _pollSoon = true;
        queue.Wake();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var nextPoll = clock.GetUtcNow() + options.PollInterval;
        var failuresInRow = 0;
        var lookNow = true; // items left by a previous process are done first
        while (!stop.IsCancellationRequested)
        {
            if (!lookNow)
            {
                var untilPoll = nextPoll - clock.GetUtcNow();
                try
                {
                    if (untilPoll > TimeSpan.Zero && await queue.WaitAsync(untilPoll, stop)) await Task.Delay(options.Debounce, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            lookNow = false;
            queue.DrainSignals();
            try
            {
                // Not cancelled by a stop: a batch that started finishes its writes.
                var pending = await queue.PendingAsync(CancellationToken.None);
                foreach (var unreadable in queue.Unreadable) Line($"queue item {Path.GetFileName(unreadable)} cannot be read; left in place (delete it to drop it)");
                if (pending.Count > 0) await BatchAsync(pending);
                if (_pollSoon || clock.GetUtcNow() >= nextPoll)
                {
                    _pollSoon = false;
                    await PollAsync();
                    nextPoll = clock.GetUtcNow() + options.PollInterval;
                }
                failuresInRow = 0;
            }
            catch (Exception error) when (error is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                failuresInRow++;
                var busy = error is LockBusyException;
                var wait = busy ? TimeSpan.FromSeconds(1) : RetryBackoff.After(failuresInRow, TimeSpan.FromSeconds(1), error is JiraRateLimitedException);
                var pending = queue.Count();
                status.Failed(error.Message);
                Line($"{(busy ? "waiting" : "failed")}: {error.Message} {pending} item(s) kept; next try in {wait.TotalSeconds:0} s.");
                lookNow = true;
                try
                {
                    await Task.Delay(wait, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task BatchAsync(IReadOnlyList<WorkItem> items)
    {
        var plan = WorkPlan.For(items, sync.Mappings(), options.ImportNew);
        foreach (var (item, why) in plan.Skipped) Line($"{Describe(item)}: nothing to do, {why}");
        var outcomes = new List<PairOutcome>();
        if (plan.TaskIds.Count > 0) outcomes.AddRange(await sync.SyncAsync(plan.TaskIds, CancellationToken.None));
        if (plan.ImportKeys.Count > 0) outcomes.AddRange(await sync.ImportAsync(plan.ImportKeys, CancellationToken.None));
        Report(outcomes, string.Join(", ", items.Take(5).Select(i => $"{Describe(i)} ({i.Events} event{(i.Events == 1 ? "" : "s")})")) + (items.Count > 5 ? $" and {items.Count - 5} more" : ""));
        await queue.CompleteAsync(items, CancellationToken.None);
        status.BatchDone(clock.GetUtcNow(), outcomes.Count);
    }

    private async Task PollAsync()
    {
        var outcomes = await sync.SyncAllAsync(CancellationToken.None);
        Report(outcomes, "poll");
        status.PollDone(clock.GetUtcNow());
    }

    private void Report(IReadOnlyList<PairOutcome> outcomes, string cause)
    {
        var changed = outcomes.Where(o => o.Changed).ToList();
        Line($"{cause}: {outcomes.Count} pair(s) synced, {changed.Count} changed");
        foreach (var outcome in changed) Line("  " + outcome.ChangeLine());
    }

    private static string Describe(WorkItem item) => item.TaskId ?? item.IssueKey ?? "issue " + item.IssueId;

    public void Line(string text)
    {
        lock (output) output.WriteLine($"[{clock.GetUtcNow().UtcDateTime:HH:mm:ss}Z] {text}");
    }
}
