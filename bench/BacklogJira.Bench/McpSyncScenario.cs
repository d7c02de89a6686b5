using System.Diagnostics;
using System.Globalization;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Mcp;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Testing;
using Sandbox.Jira.Faults;

namespace BacklogJira.Bench;

/// <summary>
/// The engine's sync benchmark through both transports in the same run (issue 6): two identical projects of N pairs
/// (imported over REST, then one full read through the transport under test to fill its cache), the same edits
/// (10 % in Backlog, another 10 % in Jira), one sync each with the sandbox at L ms per request, then an incremental
/// no-op sync each. Reports wall time, Jira requests and MCP tool calls, and the MCP/REST ratio.
/// </summary>
internal static class McpSyncScenario
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
        var changedShare = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.10;
        var changed = (int)Math.Round(count * changedShare);
        Console.WriteLine($"pairs: {count}, changed: {changed} in Backlog + {changed} in Jira, injected latency {latency.TotalMilliseconds:F0} ms");

        var results = new Dictionary<JiraTransport, (TimeSpan Sync, int Requests, int Calls, TimeSpan Noop, int NoopRequests, int NoopCalls)>();
        foreach (var transport in new[] { JiraTransport.Rest, JiraTransport.Mcp })
            results[transport] = await MeasureAsync(transport, count, changed, latency);

        foreach (var (transport, r) in results)
        {
            var calls = transport == JiraTransport.Mcp ? $", {r.Calls} tool calls" : "";
            var noopCalls = transport == JiraTransport.Mcp ? $", {r.NoopCalls} tool calls" : "";
            Console.WriteLine($"{transport,-4} sync with changes: {r.Sync.TotalMilliseconds,8:F0} ms  {r.Requests} Jira requests{calls}");
            Console.WriteLine($"{transport,-4} no-op sync:        {r.Noop.TotalMilliseconds,8:F0} ms  {r.NoopRequests} Jira requests{noopCalls}");
        }
        Console.WriteLine($"ratio MCP/REST, sync with changes: {results[JiraTransport.Mcp].Sync / results[JiraTransport.Rest].Sync,6:F2}x");
        Console.WriteLine($"ratio MCP/REST, no-op sync:        {results[JiraTransport.Mcp].Noop / results[JiraTransport.Rest].Noop,6:F2}x");
    }

    private static async Task<(TimeSpan, int, int, TimeSpan, int, int)> MeasureAsync(JiraTransport transport, int count, int changed, TimeSpan latency)
    {
        using var dir = new TempDirectory("bj-bench-mcp");
        var jiraClock = new OffsetClock { Offset = TimeSpan.FromDays(-1) };
        await using var jira = await SandboxJira.StartAsync(new Sandbox.Jira.SandboxOptions { Clock = jiraClock });
        await BacklogCli.InitAsync(dir.Path, "--no-git");
        var paths = new StatePaths(dir.Path);
        await StateInitializer.InitializeAsync(paths, "DEMO", CancellationToken.None);
        await BenchProject.MapSeededUsersAsync(paths);
        var rest = jira.Client();
        jira.Sandbox.SeedIssues(count);
        var store = BacklogMdTaskStore.Open(dir.Path);
        var config = SyncConfig.Load(paths);
        await new JiraImporter(store, rest, config, paths, TimeProvider.System, null).ImportAsync(JiraImporter.ResolveJql(null, config), dryRun: false, CancellationToken.None);

        var client = jira.ClientFor(transport);
        var engine = new SyncEngine(store, client, config, paths, TimeProvider.System, jira.Sandbox.BaseUrl.ToString());
        var request = new SyncRequest { Mode = SyncMode.Sync };
        await engine.RunAsync(request with { FullRead = true }, CancellationToken.None);
        jiraClock.Offset = TimeSpan.Zero;

        var mappings = MappingFile.Load(paths).All.OrderBy(m => m.JiraKey.Length).ThenBy(m => m.JiraKey, StringComparer.Ordinal).ToList();
        foreach (var mapping in mappings.Take(changed))
            await store.UpdateAsync(mapping.TaskId, t => new TaskEdit { Title = t.Title + " (edited in Backlog)" }, CancellationToken.None);
        foreach (var mapping in mappings.Skip(changed).Take(changed))
            await rest.UpdateIssueAsync(mapping.JiraKey, new JiraIssueUpdate { Summary = "Edited in Jira " + mapping.JiraKey }, CancellationToken.None);

        int Calls() => (client as McpJiraClient)?.ToolCalls ?? 0;
        jira.Sandbox.Faults.Plan = new FaultPlan { Latency = latency };
        jira.Sandbox.Counters.Reset();
        var callsBefore = Calls();
        var watch = Stopwatch.StartNew();
        var outcomes = await engine.RunAsync(request, CancellationToken.None);
        watch.Stop();
        var requests = jira.Sandbox.Counters.Total;
        var calls = Calls() - callsBefore;
        if (outcomes.Count(o => o.Pushed.Count > 0) != changed || outcomes.Count(o => o.Pulled.Count > 0) != changed || outcomes.Any(o => o.Failed))
            throw new InvalidOperationException($"{transport}: the sync did not push and pull {changed} pairs each");

        jira.Sandbox.Counters.Reset();
        callsBefore = Calls();
        var noop = Stopwatch.StartNew();
        var settled = await engine.RunAsync(request, CancellationToken.None);
        noop.Stop();
        if (settled.Any(o => o.State != PairState.InSync)) throw new InvalidOperationException($"{transport}: the sync after the sync was not a no-op");
        return (watch.Elapsed, requests, calls, noop.Elapsed, jira.Sandbox.Counters.Total, Calls() - callsBefore);
    }
}
