using System.Diagnostics;
using System.Globalization;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Testing;
using Sandbox.Jira.Faults;

namespace BacklogJira.Bench;

/// <summary>
/// The sync engine on N mapped pairs (issue 4): N issues imported into a Backlog.md project (timed), a no-op sync
/// without latency (the baseline), then 10 % of the tasks edited in Backlog and another 10 % of the issues edited in
/// Jira and one sync with the sandbox at L ms per request. Reports wall time, requests against the minimum
/// (⌈N / 500⌉ changed-since reads + one edit per pushed pair), and the ratios; then no-op syncs at the same latency,
/// with a full read and with the incremental one.
/// </summary>
internal static class SyncScenario
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
        var changedShare = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.10;
        using var dir = new TempDirectory("bj-bench-sync");
        // The issues were last updated a day ago, as in a real project: the incremental read then skips them.
        var jiraClock = new OffsetClock { Offset = TimeSpan.FromDays(-1) };
        await using var jira = await SandboxJira.StartAsync(new Sandbox.Jira.SandboxOptions { Clock = jiraClock });
        await BacklogCli.InitAsync(dir.Path, "--no-git");
        var paths = new StatePaths(dir.Path);
        await StateInitializer.InitializeAsync(paths, "DEMO", CancellationToken.None);
        await BenchProject.MapSeededUsersAsync(paths);
        var client = jira.Client();
        await client.GetServerInfoAsync(CancellationToken.None);
        jira.Sandbox.SeedIssues(count);
        var store = BacklogMdTaskStore.Open(dir.Path);
        var config = SyncConfig.Load(paths);

        var import = Stopwatch.StartNew();
        var imported = await new JiraImporter(store, client, config, paths, TimeProvider.System, null)
            .ImportAsync(JiraImporter.ResolveJql(null, config), dryRun: false, CancellationToken.None);
        import.Stop();
        if (imported.Count != count || imported.Any(o => o.Failed)) throw new InvalidOperationException($"imported {imported.Count} of {count}");

        var ourClock = new OffsetClock();
        var engine = new SyncEngine(store, client, config, paths, ourClock, jira.Sandbox.BaseUrl.ToString());
        var timings = new SyncTimings();
        var request = new SyncRequest { Mode = SyncMode.Sync, Timings = timings };
        var full = new SyncRequest { Mode = SyncMode.Sync, FullRead = true };
        await engine.RunAsync(full, CancellationToken.None); // warm-up, and the first read that fills the issue cache
        var baseline = Stopwatch.StartNew();
        var idle = await engine.RunAsync(full, CancellationToken.None);
        baseline.Stop();
        jiraClock.Offset = TimeSpan.Zero;
        if (idle.Any(o => o.State != PairState.InSync || o.Failed)) throw new InvalidOperationException("the baseline sync was not a no-op");

        var mappings = MappingFile.Load(paths).All.OrderBy(m => m.JiraKey.Length).ThenBy(m => m.JiraKey, StringComparer.Ordinal).ToList();
        var changed = (int)Math.Round(count * changedShare);
        foreach (var mapping in mappings.Take(changed))
            await store.UpdateAsync(mapping.TaskId, t => new TaskEdit { Title = t.Title + " (edited in Backlog)" }, CancellationToken.None);
        foreach (var mapping in mappings.Skip(changed).Take(changed))
            await client.UpdateIssueAsync(mapping.JiraKey, new JiraIssueUpdate { Summary = "Edited in Jira " + mapping.JiraKey }, CancellationToken.None);

        jira.Sandbox.Faults.Plan = new FaultPlan { Latency = latency };
        jira.Sandbox.Counters.Reset();
        var watch = Stopwatch.StartNew();
        var outcomes = await engine.RunAsync(request, CancellationToken.None);
        watch.Stop();
        var changedTimings = timings.ToString();
        var requests = jira.Sandbox.Counters.Total;
        var pushed = outcomes.Count(o => o.Pushed.Count > 0);
        var pulled = outcomes.Count(o => o.Pulled.Count > 0);
        if (pushed != changed || pulled != changed || outcomes.Any(o => o.Failed)) throw new InvalidOperationException($"pushed {pushed}, pulled {pulled}, expected {changed} each");

        jira.Sandbox.Counters.Reset();
        var fullNoop = Stopwatch.StartNew();
        await engine.RunAsync(full, CancellationToken.None);
        fullNoop.Stop();
        var fullNoopRequests = jira.Sandbox.Counters.Total;

        jira.Sandbox.Counters.Reset();
        var noop = Stopwatch.StartNew();
        var settled = await engine.RunAsync(request, CancellationToken.None);
        noop.Stop();
        var noopTimings = timings.ToString();
        if (settled.Any(o => o.State != PairState.InSync)) throw new InvalidOperationException("the sync after the sync was not a no-op");
        var noopRequests = jira.Sandbox.Counters.Total;

        // Steady state: the pairs the changed sync wrote were verified by the no-op above, and the last edits are older than
        // the incremental read's 10-minute overlap (our clock moves on 20 minutes; then one run to take that as its start).
        ourClock.Offset = TimeSpan.FromMinutes(20);
        await engine.RunAsync(request, CancellationToken.None);
        // Five steady no-ops: on a shared machine one run can be twice another, so the median is reported, with the range.
        var steadyRuns = new List<TimeSpan>();
        var steadyRequests = 0;
        for (var run = 0; run < 5; run++)
        {
            jira.Sandbox.Counters.Reset();
            var steady = Stopwatch.StartNew();
            var still = await engine.RunAsync(request, CancellationToken.None);
            steady.Stop();
            if (still.Any(o => o.State != PairState.InSync)) throw new InvalidOperationException("the steady no-op was not a no-op");
            steadyRuns.Add(steady.Elapsed);
            steadyRequests = jira.Sandbox.Counters.Total;
        }
        steadyRuns.Sort();
        var steadyTimings = timings.ToString();

        // The floor as this machine delivers it: the same number of edits sent bare, 8 at a time, through the same client to
        // the same sandbox at the same latency (HTTP, the sandbox's own work and the thread pool cost time here too).
        var bare = Stopwatch.StartNew();
        await Parallel.ForEachAsync(mappings.Take(changed), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (mapping, token) => await client.UpdateIssueAsync(mapping.JiraKey, new JiraIssueUpdate { Summary = "Sent bare " + mapping.JiraKey }, token));
        bare.Stop();

        var batch = jira.Settings().KeyBatchSize;
        var changedBatch = jira.Settings().ChangedKeyBatchSize;
        var reads = (count + batch - 1) / batch;
        var changedReads = (count + changedBatch - 1) / changedBatch;
        var minimum = changedReads + changed;
        Console.WriteLine($"pairs: {count}, changed: {changed} in Backlog + {changed} in Jira, injected latency {latency.TotalMilliseconds:F0} ms");
        Console.WriteLine($"import of {count} issues (no latency):     {import.Elapsed.TotalMilliseconds,10:F0} ms");
        Console.WriteLine($"no-op sync, full read, no latency (baseline): {baseline.Elapsed.TotalMilliseconds,10:F0} ms");
        Console.WriteLine($"sync with changes at {latency.TotalMilliseconds:F0} ms latency:        {watch.Elapsed.TotalMilliseconds,10:F0} ms  {requests} requests (minimum {minimum}: {changedReads} changed-since reads + {changed} edits), {requests / (double)minimum:F2}x");
        Console.WriteLine($"no-op sync, full read, at {latency.TotalMilliseconds:F0} ms latency:   {fullNoop.Elapsed.TotalMilliseconds,10:F0} ms  {fullNoopRequests} requests (minimum {reads})");
        Console.WriteLine($"no-op sync (incremental) at {latency.TotalMilliseconds:F0} ms latency: {noop.Elapsed.TotalMilliseconds,10:F0} ms  {noopRequests} requests (minimum {changedReads})");
        Console.WriteLine($"no-op sync, steady state (edits > 10 min old), at {latency.TotalMilliseconds:F0} ms latency: {steadyRuns[2].TotalMilliseconds,10:F0} ms median of 5 ({steadyRuns[0].TotalMilliseconds:F0}–{steadyRuns[4].TotalMilliseconds:F0} ms)  {steadyRequests} requests");
        Console.WriteLine($"floor of the changed sync: {minimum} requests at 8 in parallel = {Math.Ceiling(minimum / 8.0) * latency.TotalMilliseconds:F0} ms; measured / floor: {watch.Elapsed.TotalMilliseconds / (Math.Ceiling(minimum / 8.0) * latency.TotalMilliseconds),5:F2}x");
        Console.WriteLine($"{changed} edits sent bare, 8 at a time (measured floor): {bare.Elapsed.TotalMilliseconds,10:F0} ms; changed sync / measured floor: {watch.Elapsed / bare.Elapsed,5:F2}x");
        Console.WriteLine($"  phases of the changed sync: {changedTimings}");
        Console.WriteLine($"  phases of the steady no-op: {steadyTimings}");
        Console.WriteLine($"  phases of the incremental no-op: {noopTimings}");
        Console.WriteLine($"ratio, incremental no-op to full-read no-op: {noop.Elapsed / fullNoop.Elapsed,10:F2}x");
        Console.WriteLine($"ratio, changed sync to baseline:         {watch.Elapsed / baseline.Elapsed,10:F2}x");
    }
}
