using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using Xunit.Abstractions;

namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>
/// The fault suite's kill -9 part (issue 15): <c>create-issue</c>, <c>pull --import</c> and <c>sync</c> run as real
/// processes and are killed (SIGKILL) at random moments, then run again: no duplicate issue or task, no lost edit on
/// either side, every task file read by the real CLI, and the final status settled. CI runs 8 tasks and 3 kills per
/// command; <c>BJ_KILL_TASKS=40 BJ_KILLS=30</c> runs the full size. The figures are printed.
/// </summary>
public class KillSuiteTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static int Tasks => Setting("BJ_KILL_TASKS", 8);
    private static int Kills => Setting("BJ_KILLS", 3);

    [Fact]
    public async Task Create_issue_import_and_sync_killed_at_random_moments_lose_and_duplicate_nothing()
    {
        var random = new Random(Setting("BJ_KILL_SEED", 2026));
        // Every answer takes 40 ms, so a run lasts long enough to be cut in the middle of its work.
        await using var cli = await CliRun.StartAsync();
        cli.Jira.Sandbox.Faults.Plan = new Sandbox.Jira.Faults.FaultPlan { Latency = TimeSpan.FromMilliseconds(40) };
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        for (var i = 1; i <= Tasks; i++) (await cli.BacklogAsync("task", "create", $"Task {i}", "-d", $"Words of task {i}")).EnsureSuccess("create");
        var ids = Enumerable.Range(1, Tasks).Select(i => $"TASK-{i}").ToList();

        // create-issue, killed, then run for whatever is still unmapped.
        var cut = await KillRepeatedlyAsync(cli, random, () => ["create-issue", .. ids.Where(id => !Mapped(cli).ContainsKey(id))]);
        var unmapped = ids.Where(id => !Mapped(cli).ContainsKey(id)).ToList();
        if (unmapped.Count > 0 && await cli.RunAsync(["create-issue", .. unmapped]) is var finish) finish.ExitCode.ShouldBe(0, finish.Stdout + finish.Stderr);
        output.WriteLine($"create-issue: {Kills} kills ({cut} cut a run short), {Tasks} tasks");
        var mapped = Mapped(cli);
        mapped.Count.ShouldBe(Tasks);
        JiraIssueCount(cli).ShouldBe(Tasks, "no issue created twice");
        using (var rest = cli.Jira.Client())
            foreach (var (taskId, key) in mapped)
                (await rest.GetIssueAsync(key, CancellationToken.None))!.Summary.ShouldBe($"Task {taskId["TASK-".Length..]}");

        // pull --import of as many new issues, killed, then run to the end.
        var pairs = mapped.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        cli.Jira.Sandbox.SeedIssues(Tasks);
        cut = await KillRepeatedlyAsync(cli, random, () => ["pull", "--import"]);
        var imported = await cli.RunAsync("pull", "--import");
        imported.ExitCode.ShouldBe(0, imported.Stdout + imported.Stderr);
        output.WriteLine($"pull --import: {Kills} kills ({cut} cut a run short), {Tasks} issues");
        Mapped(cli).Count.ShouldBe(2 * Tasks);
        (await CliTaskCountAsync(cli)).ShouldBe(2 * Tasks, "no task created twice, and every file read by the CLI");

        // sync: before each kill, one Backlog title and one Jira summary change (even pairs in Backlog, odd in Jira).
        var expected = pairs.ToDictionary(p => p.Key, p => $"Task {p.Key["TASK-".Length..]}");
        var edits = 0;
        cut = await KillRepeatedlyAsync(cli, random, () => ["sync"], async () =>
        {
            var (backlogPair, jiraPair) = (pairs[(2 * edits) % pairs.Count], pairs[(2 * edits + 1) % pairs.Count]);
            expected[backlogPair.Key] = $"Backlog edit {edits}";
            await EditWithRetryAsync(cli, backlogPair.Key, expected[backlogPair.Key]);
            expected[jiraPair.Key] = $"Jira edit {edits}";
            using var rest = cli.Jira.Client();
            await rest.UpdateIssueAsync(jiraPair.Value, new JiraIssueUpdate { Summary = expected[jiraPair.Key] }, CancellationToken.None);
            edits++;
        });
        var final = await cli.RunAsync("sync");
        final.ExitCode.ShouldBe(0, final.Stdout + final.Stderr);
        output.WriteLine($"sync: {Kills} kills ({cut} cut a run short), {edits} edits per side");
        using (var rest = cli.Jira.Client())
            foreach (var (taskId, key) in pairs)
            {
                (await rest.GetIssueAsync(key, CancellationToken.None))!.Summary.ShouldBe(expected[taskId], $"{key} in Jira");
                BacklogJira.BacklogMd.BacklogMdTaskStore.Open(cli.Root).Get(taskId).Title.ShouldBe(expected[taskId], $"{taskId} in Backlog");
            }
        JiraIssueCount(cli).ShouldBe(2 * Tasks);
        (await CliTaskCountAsync(cli)).ShouldBe(2 * Tasks);
        var edited = pairs.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var status = JsonNode.Parse((await cli.RunAsync(["status", .. edited, "--json"])).Stdout)!;
        status["tasks"]!.AsArray().Count.ShouldBe(Tasks);
        status["tasks"]!.AsArray().ShouldAllBe(t => t!["state"]!.GetValue<string>() == "in-sync");
    }

    /// <summary>Issue 17: comments travel one by one, each marked and recorded; a sync killed at any moment and run
    /// again posts each comment exactly once on the other side.</summary>
    [Fact]
    public async Task Sync_killed_while_posting_comments_posts_each_comment_once()
    {
        var random = new Random(Setting("BJ_KILL_SEED", 2026) + 17);
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        await cli.EditConfigAsync(config => config["sync"]!["fields"] = new JsonObject { ["comments"] = true });
        for (var i = 1; i <= Tasks; i++) (await cli.BacklogAsync("task", "create", $"Task {i}")).EnsureSuccess("create");
        var ids = Enumerable.Range(1, Tasks).Select(i => $"TASK-{i}").ToList();
        (await cli.RunAsync(["create-issue", .. ids])).ExitCode.ShouldBe(0);
        var keys = Mapped(cli);
        cli.Jira.Sandbox.Faults.Plan = new Sandbox.Jira.Faults.FaultPlan { Latency = TimeSpan.FromMilliseconds(40) };

        var written = ids.ToDictionary(id => id, _ => new List<string>());
        var posted = 0;
        var cut = await KillRepeatedlyAsync(cli, random, () => ["sync"], async () =>
        {
            // Before each run: a comment in Backlog on two tasks and one in Jira on two others.
            for (var n = 0; n < 2; n++)
            {
                var (backlogTask, jiraTask) = (ids[(2 * posted + n) % ids.Count], ids[(2 * posted + n + 1) % ids.Count]);
                var backlogText = $"Backlog comment {posted}-{n}";
                await CommentWithRetryAsync(cli, backlogTask, backlogText);
                written[backlogTask].Add(backlogText);
                var jiraText = $"Jira comment {posted}-{n}";
                using var rest = cli.Jira.Client();
                await rest.AddCommentAsync(keys[jiraTask], jiraText, CancellationToken.None);
                written[jiraTask].Add(jiraText);
            }
            posted++;
        });
        var final = await cli.RunAsync("sync");
        final.ExitCode.ShouldBe(0, final.Stdout + final.Stderr);
        output.WriteLine($"comments: {Kills} kills ({cut} cut a run short), {4 * posted} comments written");

        using var client = cli.Jira.Client();
        var store = BacklogJira.BacklogMd.BacklogMdTaskStore.Open(cli.Root);
        foreach (var id in ids)
        {
            var inJira = (await client.GetCommentsAsync(keys[id], CancellationToken.None)).Select(c => c.Body).ToList();
            var inTask = store.Get(id).Comments.Select(c => c.Body).ToList();
            foreach (var text in written[id])
            {
                inJira.Count(body => body.Contains(text, StringComparison.Ordinal)).ShouldBe(1, $"{text} in {keys[id]}");
                inTask.Count(body => body.Contains(text, StringComparison.Ordinal)).ShouldBe(1, $"{text} in {id}");
            }
            inJira.Count.ShouldBe(written[id].Count, $"{keys[id]} holds only the comments written");
            inTask.Count.ShouldBe(written[id].Count, $"{id} holds only the comments written");
        }
        var status = JsonNode.Parse((await cli.RunAsync(["status", "--json"])).Stdout)!;
        status["tasks"]!.AsArray().ShouldAllBe(t => t!["state"]!.GetValue<string>() == "in-sync");
    }

    private static async Task CommentWithRetryAsync(CliRun cli, string taskId, string text)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var result = await cli.BacklogAsync("task", "edit", taskId, "--comment", text, "--comment-author", "@alice");
            if (result.ExitCode == 0) return;
            if (waited.Elapsed > TimeSpan.FromSeconds(30) || !result.Stderr.Contains("being modified", StringComparison.Ordinal)) result.EnsureSuccess("task edit --comment");
            await Task.Delay(500);
        }
    }

    /// <summary>Starts the command <see cref="Kills"/> times and kills it with SIGKILL after a random 0.3–2 s (the first
    /// half second is the runtime starting); returns how many runs were still going when killed.</summary>
    private static async Task<int> KillRepeatedlyAsync(CliRun cli, Random random, Func<string[]> command, Func<Task>? before = null)
    {
        var cut = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            if (before is not null) await before();
            using var process = Process.Start(CliProcess.StartInfo(cli, command()))!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(300 + random.Next(1700))) != exited)
            {
                process.Kill(entireProcessTree: true);
                cut++;
            }
            await process.WaitForExitAsync();
        }
        return cut;
    }

    /// <summary>A killed run may leave the CLI's per-task lock, which the CLI honours for 10 s: retry as a user would.</summary>
    private static async Task EditWithRetryAsync(CliRun cli, string taskId, string title)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var result = await cli.BacklogAsync("task", "edit", taskId, "-t", title);
            if (result.ExitCode == 0) return;
            if (waited.Elapsed > TimeSpan.FromSeconds(30) || !result.Stderr.Contains("being modified", StringComparison.Ordinal)) result.EnsureSuccess("task edit");
            await Task.Delay(500);
        }
    }

    private static Dictionary<string, string> Mapped(CliRun cli)
    {
        var path = Path.Combine(cli.Root, ".backlog-jira", "mappings.json");
        if (!File.Exists(path)) return [];
        return JsonNode.Parse(File.ReadAllText(path))!["mappings"]!.AsArray()
            .ToDictionary(m => m!["taskId"]!.GetValue<string>(), m => m!["jiraKey"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    private static int JiraIssueCount(CliRun cli) => cli.Jira.Sandbox.State.Read(d => d.Issues.Count);

    private static async Task<int> CliTaskCountAsync(CliRun cli)
    {
        var listed = (await cli.BacklogAsync("task", "list", "--plain")).EnsureSuccess("task list");
        return listed.Stdout.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(?i)\btask-\d+\b"));
    }
}
