using System.Diagnostics;
using System.Globalization;
using BacklogJira.Testing;
using Sandbox.Jira.Faults;

namespace BacklogJira.Bench;

/// <summary>
/// Fetch N issues by JQL through the Cloud sandbox with injected latency (issue 3). Reports wall time, requests
/// against the minimum ⌈N / page size⌉, and the ratio to two baselines from the same run: the same fetch without
/// latency, and the latency floor (pages × latency, what a zero-cost client could not beat on sequential cursors).
/// </summary>
internal static class JiraFetchScenario
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
        await using var jira = await SandboxJira.StartAsync();
        jira.Sandbox.SeedIssues(count);
        var client = jira.Client();
        await client.GetServerInfoAsync(CancellationToken.None);
        const string jql = "project = DEMO ORDER BY key ASC";

        await client.SearchAsync(jql, CancellationToken.None); // warm-up: JIT, connection pool, conversions
        jira.Sandbox.Counters.Reset();
        var baseline = Stopwatch.StartNew();
        var fast = await client.SearchAsync(jql, CancellationToken.None);
        baseline.Stop();
        var baselineRequests = jira.Sandbox.Counters.Total;

        jira.Sandbox.Faults.Plan = new FaultPlan { Latency = latency };
        jira.Sandbox.Counters.Reset();
        var watch = Stopwatch.StartNew();
        var issues = await client.SearchAsync(jql, CancellationToken.None);
        watch.Stop();
        var requests = jira.Sandbox.Counters.Total;

        if (issues.Count != count || fast.Count != count) throw new InvalidOperationException($"fetched {issues.Count} and {fast.Count} of {count}");
        var pageSize = jira.Settings().PageSize;
        var minimum = (count + pageSize - 1) / pageSize;
        var floor = latency * minimum;
        Console.WriteLine($"issues: {count}, page size {pageSize}, injected latency {latency.TotalMilliseconds:F0} ms");
        Console.WriteLine($"fetch without latency (baseline):  {baseline.Elapsed.TotalMilliseconds,10:F0} ms  {baselineRequests} requests");
        Console.WriteLine($"fetch at {latency.TotalMilliseconds:F0} ms latency:            {watch.Elapsed.TotalMilliseconds,10:F0} ms  {requests} requests (minimum {minimum})");
        Console.WriteLine($"latency floor (pages x latency):   {floor.TotalMilliseconds,10:F0} ms");
        Console.WriteLine($"ratio to the latency floor:        {watch.Elapsed / floor,10:F2}x");
        Console.WriteLine($"ratio to the no-latency baseline:  {watch.Elapsed / baseline.Elapsed,10:F2}x");
        Console.WriteLine($"per issue at {latency.TotalMilliseconds:F0} ms latency:          {watch.Elapsed.TotalMilliseconds * 1000 / count,10:F0} µs");
    }
}
