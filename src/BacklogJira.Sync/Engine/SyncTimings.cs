using System.Diagnostics;
using System.Globalization;

namespace BacklogJira.Sync.Engine;

/// <summary>Where a run's time went, phase by phase (the bench prints it; the CLI shows it with <c>--verbose</c>).
/// The Jira read overlaps the task parse, so the phases add up to more than the total.</summary>
public sealed class SyncTimings
{
    public TimeSpan Total { get; set; }
    public TimeSpan StateLoad { get; set; }
    public TimeSpan JiraRead { get; set; }
    public TimeSpan TaskParse { get; set; }
    public TimeSpan Pairs { get; set; }
    public TimeSpan SaveState { get; set; }
    public int TasksParsed { get; set; }
    public int PairsSkipped { get; set; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"total {Total.TotalMilliseconds:F0} ms: state loaded {StateLoad.TotalMilliseconds:F0} ms, Jira read {JiraRead.TotalMilliseconds:F0} ms, task parse {TaskParse.TotalMilliseconds:F0} ms ({TasksParsed} files), " +
        $"pairs {Pairs.TotalMilliseconds:F0} ms ({PairsSkipped} unchanged, skipped), state saved {SaveState.TotalMilliseconds:F0} ms");

    internal static async Task<T> TimeAsync<T>(Func<Task<T>> work, Action<TimeSpan> record)
    {
        var watch = Stopwatch.StartNew();
        try { return await work(); }
        finally { record(watch.Elapsed); }
    }
}
