using System.Diagnostics;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Commands.Sync;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands;

public class WatchCommandTests
{
    [Theory]
    [InlineData("60s", 60)]
    [InlineData("90", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    public void Intervals_parse(string text, int seconds) => WatchTiming.ParseInterval(text).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("0s")]
    [InlineData("5x")]
    [InlineData("-1m")]
    [InlineData("")]
    public void Bad_intervals_are_refused(string text) => WatchTiming.ParseInterval(text).ShouldBeNull();

    [Fact]
    public void Backoff_doubles_waits_longer_after_a_rate_limit_and_stops_at_five_minutes()
    {
        var minute = TimeSpan.FromMinutes(1);
        WatchTiming.Backoff(1, minute, rateLimited: false).ShouldBe(minute);
        WatchTiming.Backoff(2, minute, rateLimited: false).ShouldBe(2 * minute);
        WatchTiming.Backoff(9, minute, rateLimited: false).ShouldBe(TimeSpan.FromMinutes(5));
        WatchTiming.Backoff(1, TimeSpan.FromSeconds(5), rateLimited: true).ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Watch_syncs_each_edit_made_between_cycles_once_and_stops_cleanly_on_sigint()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "First")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Second")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1", "2")).ExitCode.ShouldBe(0);
        // Issues are created 8 at a time, so TASK-2 may be DEMO-1: the key is read from the mapping, never assumed.
        var secondKey = JsonNode.Parse((await cli.RunAsync("map", "list", "--json")).Stdout)!["mappings"]!.AsArray()
            .Single(m => m!["taskId"]!.GetValue<string>() == "TASK-2")!["jiraKey"]!.GetValue<string>();

        var start = CliProcess.StartInfo(cli, "watch", "--interval", "1s", "--strategy", "prefer-jira", "--json");
        using var watch = Process.Start(start)!;
        // Lines are awaited, never waited for on a blocked thread: the sandbox answering the watch process runs on
        // this test host's thread pool, which blocked waits on a loaded machine starve (the cause of a 60 s flake).
        var lines = System.Threading.Channels.Channel.CreateUnbounded<JsonNode>();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stderr = watch.StandardError.ReadToEndAsync();
        var reader = Task.Run(async () =>
        {
            while (await watch.StandardOutput.ReadLineAsync() is { } line)
            {
                seen.Enqueue(line);
                await lines.Writer.WriteAsync(JsonNode.Parse(line)!);
            }
            lines.Writer.Complete();
        });
        async Task<JsonNode> Next(Func<JsonNode, bool> wanted)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await foreach (var line in lines.Reader.ReadAllAsync(limit.Token))
                    if (wanted(line)) return line;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("the expected watch line did not come within 90 s; watch wrote:\n" + string.Join("\n", seen.TakeLast(20)));
            }
            throw new InvalidOperationException("watch ended before the expected line:\n" + string.Join("\n", seen.TakeLast(20)));
        }
        static bool Cycle(JsonNode line) => line["kind"]!.GetValue<string>() == "watch-cycle";
        static bool Changed(JsonNode line, string task, string direction) =>
            Cycle(line) && line["changes"]!.AsArray().Any(c => c!["taskId"]!.GetValue<string>() == task && c[direction]!.AsArray().Count > 0);

        try
        {
            (await Next(Cycle))["pairs"]!.GetValue<int>().ShouldBe(2);
            (await cli.BacklogAsync("task", "edit", "1", "-t", "First, renamed in Backlog")).EnsureSuccess("edit");
            await Next(l => Changed(l, "TASK-1", "pushed"));
            using (var client = cli.Jira.Client())
                await client.UpdateIssueAsync(secondKey, new JiraIssueUpdate { Summary = "Second, renamed in Jira" }, CancellationToken.None);
            await Next(l => Changed(l, "TASK-2", "pulled"));
            await Next(l => Cycle(l) && l["pushed"]!.GetValue<int>() == 0 && l["pulled"]!.GetValue<int>() == 0);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-INT", watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
        }
        var summary = await Next(l => l["kind"]!.GetValue<string>() == "watch-summary");
        await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await reader;
        watch.ExitCode.ShouldBe(0, await stderr);
        summary["pushed"]!.GetValue<int>().ShouldBe(1);
        summary["pulled"]!.GetValue<int>().ShouldBe(1);
        summary["cycles"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(3);

        using var rest = cli.Jira.Client();
        (await rest.GetIssueAsync(secondKey == "DEMO-1" ? "DEMO-2" : "DEMO-1", CancellationToken.None))!.Summary.ShouldBe("First, renamed in Backlog");
        (await cli.RunAsync("view", "2", "--json")).Stdout.ShouldContain("Second, renamed in Jira");
    }

    [Fact]
    public async Task Watch_stops_when_nobody_reads_its_output()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "First")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);

        using var watch = Process.Start(CliProcess.StartInfo(cli, "watch", "--interval", "1s", "--json"))!;
        var stderr = watch.StandardError.ReadToEndAsync();
        (await watch.StandardOutput.ReadLineAsync()).ShouldNotBeNull("a first cycle");
        // As `watch | head -1` does once head has its line: the reading end of the pipe goes away.
        watch.StandardOutput.Dispose();
        try
        {
            await watch.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!watch.HasExited) watch.Kill();
        }
        watch.ExitCode.ShouldBe(0, await stderr);
    }
}
