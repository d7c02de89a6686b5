using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Serve.Hosting;
using BacklogJira.Serve.Queue;
using BacklogJira.Serve.Work;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Testing;
using Sandbox.Jira.Faults;

namespace BacklogJira.Bench;

/// <summary>
/// Real-time sync (issue 18): <c>serve</c> in this process over N imported pairs, fed by the sandbox's own signed
/// webhooks and by task file events, with L ms per Jira request. Reports the latency from an edit on one side to its
/// arrival on the other (p50/p95 over E edits each way, one at a time), against the baseline of one targeted sync of one
/// pair measured in the same run; then a burst of B edits to one issue: webhooks, batches and serve's requests against
/// the minimum of one read.
/// </summary>
internal static class ServeScenario
{
    private const string Secret = "bench-serve-secret-0123456789abcdef";

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var latency = TimeSpan.FromMilliseconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50);
        var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var burst = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
        using var dir = new TempDirectory("bj-bench-serve");
        await using var jira = await SandboxJira.StartAsync();
        await BacklogCli.InitAsync(dir.Path, "--no-git");
        var paths = new StatePaths(dir.Path);
        await StateInitializer.InitializeAsync(paths, "DEMO", CancellationToken.None);
        await BenchProject.MapSeededUsersAsync(paths);
        var client = jira.Client();
        jira.Sandbox.SeedIssues(count);
        var store = BacklogMdTaskStore.Open(dir.Path);
        var config = SyncConfig.Load(paths);
        var browse = jira.Sandbox.BaseUrl.ToString();
        await new JiraImporter(store, client, config, paths, TimeProvider.System, browse).ImportAsync(JiraImporter.ResolveJql(null, config), dryRun: false, CancellationToken.None);
        var pairs = MappingFile.Load(paths).All.OrderBy(m => m.TaskId, StringComparer.Ordinal).ToList();
        jira.Sandbox.Faults.Plan = new FaultPlan { Latency = latency };

        // Baseline: one targeted sync of one pair after a Jira edit, at the same latency (median of 5).
        var engine = new SyncEngine(store, client, config, paths, TimeProvider.System, browse);
        var single = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await client.UpdateIssueAsync(pairs[0].JiraKey, new JiraIssueUpdate { Summary = $"Baseline {i}" }, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await engine.RunAsync(new SyncRequest { TaskIds = [pairs[0].TaskId], Strategy = ConflictStrategy.Manual }, CancellationToken.None);
            single.Add(watch.Elapsed);
        }
        single.Sort();
        var baseline = single[2];

        var options = new ServeOptions { Port = 0, WebhookSecret = Secret, PollInterval = TimeSpan.FromHours(1) };
        using var pending = new PendingWork(paths.ServeQueue, TimeProvider.System);
        var sync = new EngineServeSync(store, client, config, paths, TimeProvider.System, browse, ConflictStrategy.Manual);
        var folders = new[] { TaskFolder.Tasks, TaskFolder.Completed }.Select(store.Project.FolderPath).ToList();
        await using var host = await ServeHost.StartAsync(options, pending, sync, folders, TimeProvider.System, TextWriter.Null, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var serving = host.RunAsync(stop.Token);
        using (var admin = jira.Http())
        {
            var body = new JsonObject { ["name"] = "bench", ["url"] = host.WebhookUrl.ToString(), ["secret"] = Secret }.ToJsonString();
            (await admin.PostAsync("rest/webhooks/1.0/webhook", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        // Jira → Backlog.md: from the edit's answer to the text in the task file.
        var toBacklog = new List<TimeSpan>();
        for (var i = 1; i <= edits; i++)
        {
            var pair = pairs[i % pairs.Count];
            var text = $"Jira edit {i}";
            await client.UpdateIssueAsync(pair.JiraKey, new JiraIssueUpdate { Summary = text }, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            await Until(() => TaskFileHas(store, pair.TaskId, text));
            toBacklog.Add(watch.Elapsed);
        }

        // Backlog.md → Jira: from `backlog task edit` (the real CLI) returning to the issue changed.
        var toJira = new List<TimeSpan>();
        for (var i = 1; i <= edits; i++)
        {
            var pair = pairs[i % pairs.Count];
            var text = $"Backlog edit {i}";
            (await BacklogCli.RunAsync(dir.Path, "task", "edit", pair.TaskId, "-t", text)).EnsureSuccess("task edit");
            var watch = Stopwatch.StartNew();
            await Until(() => jira.Sandbox.State.Read(d => d.Issues.Single(x => x.Key == pair.JiraKey).Summary) == text);
            toJira.Add(watch.Elapsed);
        }
        await Until(() => pending.Count() == 0);

        // A burst: B edits to one issue, back to back; serve's requests are all but the B edits themselves.
        var target = pairs[1];
        var batchesBefore = host.Status.Batches;
        var webhooksBefore = host.Status.WebhooksAccepted;
        jira.Sandbox.Counters.Reset();
        var burstWatch = Stopwatch.StartNew();
        for (var i = 1; i <= burst; i++)
            await client.UpdateIssueAsync(target.JiraKey, new JiraIssueUpdate { Summary = $"Burst {i}" }, CancellationToken.None);
        var sent = burstWatch.Elapsed;
        await Until(() => TaskFileHas(store, target.TaskId, $"Burst {burst}"));
        var settled = burstWatch.Elapsed;
        await Until(() => host.Status.WebhooksAccepted - webhooksBefore >= burst && pending.Count() == 0);
        var serveRequests = jira.Sandbox.Counters.Total - burst;
        var batches = host.Status.Batches - batchesBefore;

        await stop.CancelAsync();
        await serving;
        Console.WriteLine($"pairs: {count}, injected latency {latency.TotalMilliseconds:F0} ms, debounce {options.Debounce.TotalMilliseconds:F0} ms");
        Console.WriteLine($"baseline, one targeted sync of one pair (median of 5):  {baseline.TotalMilliseconds,8:F0} ms");
        Report("Jira edit → task file", toBacklog, baseline);
        Report("backlog task edit → Jira issue", toJira, baseline);
        Console.WriteLine($"burst of {burst} Jira edits to one issue: sent in {sent.TotalSeconds:F1} s, task file final {settled.TotalSeconds - sent.TotalSeconds:F2} s after the last edit;");
        Console.WriteLine($"  {host.Status.WebhooksAccepted - webhooksBefore} webhooks taken, {batches} batch(es), {serveRequests} requests by serve (minimum 1: one read after the last edit), {serveRequests / 1.0:F0}x");
        Console.WriteLine($"webhooks delivered by the sandbox: {jira.Sandbox.Webhooks.Delivered}, failed {jira.Sandbox.Webhooks.Failed}");
    }

    private static void Report(string what, List<TimeSpan> latencies, TimeSpan baseline)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"{what}, {sorted.Count} edits one at a time: p50 {At(0.5),6:F0} ms, p95 {At(0.95),6:F0} ms, max {sorted[^1],6:F0} ms; " +
                          $"p50 / baseline {At(0.5) / baseline.TotalMilliseconds:F2}x, p95 / baseline {At(0.95) / baseline.TotalMilliseconds:F2}x");
    }

    private static bool TaskFileHas(BacklogMdTaskStore store, string taskId, string text)
    {
        try
        {
            return store.Find(taskId)?.Title == text;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(120)) throw new TimeoutException("serve did not deliver within 120 s");
            await Task.Delay(5);
        }
    }
}
