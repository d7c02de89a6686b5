using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Serve.Webhooks;
using Xunit.Abstractions;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary>
/// <c>serve</c> as a user runs it: a child process over a real Backlog.md project and the sandbox, webhooks posted over
/// HTTP as Jira posts them (signed with the shared secret), task files edited by the real CLI.
/// </summary>
public class ServeCommandTests(ITestOutputHelper log)
{
    private const string Secret = "serve-test-secret-0123456789abcdef";

    [Fact]
    public async Task Webhooks_and_file_edits_sync_their_pair_bursts_coalesce_echoes_write_nothing_and_sigterm_stops_cleanly()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "First")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Second")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1", "2")).ExitCode.ShouldBe(0);
        var keys = await KeysAsync(cli);
        using var jira = cli.Jira.Client();
        var ids = new Dictionary<string, string>();
        foreach (var (task, key) in keys) ids[task] = (await jira.GetIssueAsync(key, CancellationToken.None))!.Id;

        await using var serve = await ServeProcess.StartAsync(cli);
        using var http = new HttpClient { BaseAddress = serve.BaseUrl };
        // Registered as a Jira admin would: the sandbox then delivers signed webhooks for every change in the project.
        using (var admin = cli.Jira.Http())
        {
            var registration = await admin.PostAsync("rest/webhooks/1.0/webhook", new StringContent(
                new JsonObject { ["name"] = "backlog-jira serve", ["url"] = new Uri(serve.BaseUrl, "webhooks/jira").ToString(), ["secret"] = Secret, ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = DEMO" } }.ToJsonString(),
                Encoding.UTF8, "application/json"));
            registration.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        // An edit in Jira reaches the task file through the webhook Jira sends.
        await jira.UpdateIssueAsync(keys["TASK-2"], new JiraIssueUpdate { Summary = "Second, renamed in Jira" }, CancellationToken.None);
        await Eventually(() => TaskText(cli, "task-2").Contains("Second, renamed in Jira", StringComparison.Ordinal), "the Jira edit in the task file", serve);

        // Unsigned, wrongly signed or unparseable: refused before anything is queued.
        var unsigned = await http.PostAsync("webhooks/jira", new StringContent(Issue("jira:issue_updated", ids["TASK-1"], keys["TASK-1"]), Encoding.UTF8, "application/json"));
        unsigned.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(http, Issue("jira:issue_updated", ids["TASK-1"], keys["TASK-1"]), "delivery-x", secret: "not-the-secret-at-all")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(http, "{\"webhookEvent\":", "delivery-y")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var wrongToken = await http.PostAsync("webhooks/jira?token=wrong", new StringContent(Issue("jira:issue_updated", ids["TASK-1"], keys["TASK-1"]), Encoding.UTF8, "application/json"));
        wrongToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HealthAsync(http))["webhooks"]!["rejected"]!.GetValue<int>().ShouldBe(4);
        // Data Center sends no signature: the secret in the webhook's URL is taken instead.
        var dataCenter = await http.PostAsync($"webhooks/jira?token={Secret}", new StringContent(Issue("comment_created", ids["TASK-1"], keys["TASK-1"]), Encoding.UTF8, "application/json"));
        dataCenter.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Jira retries a delivery with the same identifier: taken once.
        (await PostAsync(http, Issue("jira:issue_updated", ids["TASK-1"], keys["TASK-1"]), "delivery-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await PostAsync(http, Issue("jira:issue_updated", ids["TASK-1"], keys["TASK-1"]), "delivery-1")).Content.ReadAsStringAsync()).ShouldContain("duplicate");
        await Settled(http, serve);

        // A Backlog.md edit (the real CLI rewrites the file) reaches the issue; the webhook Jira sends for that write
        // of ours, and the file event of the CLI's write, are echoes: one push is recorded, nothing else is written.
        var opsLog = Path.Combine(cli.Root, ".backlog-jira", "ops-log.jsonl");
        var linesBefore = (await File.ReadAllLinesAsync(opsLog)).Length;
        var acceptedBefore = (await HealthAsync(http))["webhooks"]!["accepted"]!.GetValue<int>();
        (await cli.BacklogAsync("task", "edit", "1", "-t", "First, renamed in Backlog")).EnsureSuccess("edit");
        await Eventually(async () => (await jira.GetIssueAsync(keys["TASK-1"], CancellationToken.None))!.Summary == "First, renamed in Backlog", "the task edit in Jira", serve);
        await Eventually(async () => (await HealthAsync(http))["webhooks"]!["accepted"]!.GetValue<int>() > acceptedBefore, "the echo webhook", serve);
        await Settled(http, serve);
        (await File.ReadAllLinesAsync(opsLog)).Skip(linesBefore).ShouldHaveSingleItem().ShouldContain("\"fields\":[\"title\"]");

        // A burst of 100 edits to one issue in Jira, each announced: far fewer syncs than events, and the last edit wins.
        var batches = (await HealthAsync(http))["batches"]!.GetValue<int>();
        acceptedBefore = (await HealthAsync(http))["webhooks"]!["accepted"]!.GetValue<int>();
        var edits = Task.Run(async () =>
        {
            for (var i = 1; i <= 100; i++)
                await jira.UpdateIssueAsync(keys["TASK-2"], new JiraIssueUpdate { Summary = $"Second, edit {i}" }, CancellationToken.None);
        });
        // A manual sync in the middle of it takes its turn at the run lock (it waits longer for serve) and succeeds.
        await Task.Delay(500);
        var manual = await cli.RunAsync("sync");
        manual.ExitCode.ShouldBe(0, manual.Stderr);
        await edits;
        await Eventually(() => TaskText(cli, "task-2").Contains("Second, edit 100", StringComparison.Ordinal), "the last edit of the burst", serve);
        await Eventually(async () => (await HealthAsync(http))["webhooks"]!["accepted"]!.GetValue<int>() >= acceptedBefore + 100, "the burst's 100 webhooks", serve);
        await Settled(http, serve);
        var burstBatches = (await HealthAsync(http))["batches"]!.GetValue<int>() - batches;
        log.WriteLine($"burst: 100 Jira edits, 100 webhooks → {burstBatches} batch(es)");
        burstBatches.ShouldBeLessThanOrEqualTo(25, "100 events for one issue");

        // An issue created in Jira inside the import scope becomes a task.
        var created = await jira.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Made in Jira while serving" }, CancellationToken.None);
        await Eventually(async () => (await KeysAsync(cli)).ContainsValue(created.Key), "the new issue imported", serve);
        cli.Jira.Sandbox.Webhooks.Failed.ShouldBe(0);

        var (exitCode, output) = await serve.StopAsync();
        exitCode.ShouldBe(0, output);
        output.ShouldContain("Stopped:");
        output.ShouldNotContain(Secret);
        log.WriteLine(output);
    }

    [Fact]
    public async Task Work_taken_before_a_stop_is_done_after_a_restart_and_a_missing_secret_is_explained()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Only")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);

        var noSecret = await cli.RunAsync("serve", "--port", "0");
        noSecret.ExitCode.ShouldBe(1);
        noSecret.Stderr.ShouldContain("JIRA_WEBHOOK_SECRET is not set");
        noSecret.Stderr.ShouldContain("openssl rand -hex 32");

        var key = (await KeysAsync(cli))["TASK-1"];
        using var jira = cli.Jira.Client();
        var id = (await jira.GetIssueAsync(key, CancellationToken.None))!.Id;
        await jira.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = "Renamed while serve was down" }, CancellationToken.None);

        // What a previous serve accepted and did not get to: an item in its queue folder.
        var queue = Path.Combine(cli.Root, ".backlog-jira", "serve-queue");
        Directory.CreateDirectory(queue);
        await File.WriteAllTextAsync(Path.Combine(queue, $"issue-{id}.json"),
            new JsonObject { ["name"] = $"issue-{id}", ["issueId"] = id, ["issueKey"] = key, ["reasons"] = new JsonArray("jira:issue_updated"), ["events"] = 1, ["version"] = "v1" }.ToJsonString());

        await using var serve = await ServeProcess.StartAsync(cli);
        await Eventually(() => TaskText(cli, "task-1").Contains("Renamed while serve was down", StringComparison.Ordinal), "the queued work done", serve);
        await Eventually(() => Directory.GetFiles(queue).Length == 0, "the queue emptied", serve);

        // doctor follows the registration to serve's address, as Jira would reach it.
        static JsonNode RealTime(CliRun.Result doctor) =>
            JsonNode.Parse(doctor.Stdout)!["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "real-time sync")!;
        RealTime(await cli.RunAsync("doctor", "--json"))["status"]!.GetValue<string>().ShouldBe("skipped", "no secret in this run's environment or .env yet");
        (await cli.RunAsync("webhook", "register", "--url", "http://127.0.0.1:9/")).ExitCode.ShouldBe(0);
        var unanswered = RealTime(await cli.RunAsync("doctor", "--json"));
        unanswered["status"]!.GetValue<string>().ShouldBe("warning");
        unanswered["detail"]!.GetValue<string>().ShouldContain("nothing answers");
        (await cli.RunAsync("webhook", "remove")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("webhook", "register", "--url", serve.BaseUrl.ToString())).ExitCode.ShouldBe(0);
        var answered = RealTime(await cli.RunAsync("doctor", "--json"));
        answered["status"]!.GetValue<string>().ShouldBe("ok", answered.ToJsonString());
        answered["detail"]!.GetValue<string>().ShouldContain("serve answers there (status ok");
        (await serve.StopAsync()).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Lost_doubled_and_reordered_deliveries_and_a_kill_mid_burst_lose_nothing_and_do_nothing_twice()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        (await cli.BacklogAsync("task", "create", "Watched")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        var key = (await KeysAsync(cli))["TASK-1"];
        using var jira = cli.Jira.Client();
        cli.Jira.Sandbox.Webhooks.RetryDelay = TimeSpan.FromMilliseconds(100);
        cli.Jira.Sandbox.Webhooks.Faults = new Sandbox.Jira.Webhooks.WebhookFaults { DropFraction = 0.2, DuplicateFraction = 0.3, ReorderFraction = 0.3, Seed = 3 };

        var serve = await ServeProcess.StartAsync(cli, "--poll-interval", "3s");
        using (var admin = cli.Jira.Http())
            (await admin.PostAsync("rest/webhooks/1.0/webhook", new StringContent(
                new JsonObject { ["name"] = "backlog-jira serve", ["url"] = new Uri(serve.BaseUrl, "webhooks/jira").ToString(), ["secret"] = Secret }.ToJsonString(),
                Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        for (var i = 1; i <= 30; i++)
        {
            await jira.UpdateIssueAsync(key, new JiraIssueUpdate { Summary = $"Edit {i}" }, CancellationToken.None);
            if (i == 15)
            {
                // kill -9 in the middle of the burst: deliveries meanwhile fail (Jira retries, then gives up).
                await serve.DisposeAsync();
            }
        }
        // A new issue while serve is down: its webhook is lost for good.
        var created = await jira.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Made while serve was down" }, CancellationToken.None);

        await using var restarted = await ServeProcess.StartAsync(cli, "--poll-interval", "3s", "--port", serve.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Eventually(() => TaskText(cli, "task-1").Contains("Edit 30", StringComparison.Ordinal), "the last edit, through the poll if its webhook was lost", restarted);
        await Eventually(async () => (await KeysAsync(cli)).ContainsValue(created.Key), "the issue made while serve was down, imported", restarted);
        await Task.Delay(3500); // one more poll round: nothing more may happen

        var keys = await KeysAsync(cli);
        keys.Count.ShouldBe(2, "imported once, however many times its webhook or a poll named it");
        Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks"), "*.md").Length.ShouldBe(2);
        var issue = (await jira.GetIssueAsync(key, CancellationToken.None))!;
        issue.Summary.ShouldBe("Edit 30", "nothing was pushed back over the Jira edits");
        var opsLines = await File.ReadAllLinesAsync(Path.Combine(cli.Root, ".backlog-jira", "ops-log.jsonl"));
        opsLines.ShouldNotContain(l => l.Contains("\"outcome\":\"failure\"", StringComparison.Ordinal), string.Join("\n", opsLines));
        cli.Jira.Sandbox.State.Read(d => d.Issues.Single(i => i.Key == key).Histories.Count(h => h.Items.Any(item => item.Field == "summary")))
            .ShouldBe(30, "the 30 edits made in Jira, and no write of ours on top");
        log.WriteLine($"webhooks: {cli.Jira.Sandbox.Webhooks.Delivered} delivered, {cli.Jira.Sandbox.Webhooks.Dropped} dropped, {cli.Jira.Sandbox.Webhooks.Duplicated} doubled, {cli.Jira.Sandbox.Webhooks.Reordered} reordered, {cli.Jira.Sandbox.Webhooks.Failed} failed after retries");
        (await restarted.StopAsync()).ExitCode.ShouldBe(0);
    }

    private static string Issue(string name, string id, string key) =>
        new JsonObject { ["timestamp"] = 1, ["webhookEvent"] = name, ["issue"] = new JsonObject { ["id"] = id, ["key"] = key } }.ToJsonString();

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string delivery, string secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/jira") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), secret));
        request.Headers.Add("X-Atlassian-Webhook-Identifier", delivery);
        return http.SendAsync(request);
    }

    /// <summary>The queue is empty and stays so for a second (deliveries for the last writes have come and been done).</summary>
    /// <summary>Issue 19: serve hosts the web UI in its process; `backlog-jira ui` then opens that one (same address and
    /// session) instead of starting a second, and the record of it goes when serve stops.</summary>
    [Fact]
    public async Task Serve_hosts_the_web_ui_and_ui_opens_that_one()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "create", "Seen in the UI")).EnsureSuccess("create");
        await using var serve = await ServeProcess.StartAsync(cli);
        // The UI's line comes after the line StartAsync waits for.
        await Eventually(() => serve.Output.Contains("web UI: ", StringComparison.Ordinal), "the web UI's address", serve);
        var hosted = System.Text.RegularExpressions.Regex.Match(serve.Output, @"web UI: (http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]+)");
        hosted.Success.ShouldBeTrue(serve.Output);

        var ui = await cli.RunAsync("ui", "--no-open");
        ui.ExitCode.ShouldBe(0, ui.Stderr);
        ui.Stdout.ShouldContain("already running");
        ui.Stdout.ShouldContain(hosted.Groups[1].Value);
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            var address = new Uri(hosted.Groups[1].Value);
            var board = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/"));
            board.Headers.Add("Cookie", "backlog_jira_ui=" + address.Query.Split("token=")[1]);
            (await (await http.SendAsync(board)).Content.ReadAsStringAsync()).ShouldContain("Seen in the UI");
        }

        var record = Path.Combine(cli.Root, ".backlog-jira", "ui", "address.json");
        File.Exists(record).ShouldBeTrue();
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(record).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the address carries the session token");
        (await serve.StopAsync()).ExitCode.ShouldBe(0);
        File.Exists(record).ShouldBeFalse();
    }

    private static async Task Settled(HttpClient http, ServeProcess serve)
    {
        for (var quiet = 0; quiet < 2;)
        {
            await Eventually(async () => (await HealthAsync(http))["pending"]!.GetValue<int>() == 0, "the queue drained", serve);
            await Task.Delay(500);
            quiet = (await HealthAsync(http))["pending"]!.GetValue<int>() == 0 ? quiet + 1 : 0;
        }
    }

    private static async Task<JsonNode> HealthAsync(HttpClient http) => JsonNode.Parse(await http.GetStringAsync("healthz"))!;

    private static async Task<Dictionary<string, string>> KeysAsync(CliRun cli) =>
        JsonNode.Parse((await cli.RunAsync("map", "list", "--json")).Stdout)!["mappings"]!.AsArray()
            .ToDictionary(m => m!["taskId"]!.GetValue<string>(), m => m!["jiraKey"]!.GetValue<string>());

    private static string TaskText(CliRun cli, string id) =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(cli.Root, "backlog", "tasks"), id + " - *.md").Single());

    private static Task Eventually(Func<bool> condition, string what, ServeProcess serve) => Eventually(() => Task.FromResult(condition()), what, serve);

    private static async Task Eventually(Func<Task<bool>> condition, string what, ServeProcess serve)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"{what}: not within 60 s; serve wrote:\n{serve.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>The built CLI's <c>serve --port 0</c> as a child process, its output collected, its address read from it.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly Task _pump;

        private ServeProcess(Process process)
        {
            _process = process;
            _pump = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
        }

        public Uri BaseUrl { get; private set; } = null!;

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public static async Task<ServeProcess> StartAsync(CliRun cli, params string[] extra)
        {
            var environment = new Hashtable();
            foreach (DictionaryEntry entry in cli.Environment) environment[entry.Key] = entry.Value;
            environment["JIRA_WEBHOOK_SECRET"] = Secret;
            cli.EnvironmentOverride = environment;
            string[] defaults = ["--port", "0", "--poll-interval", "1h", "--ui-port", "0"];
            var args = new List<string> { "serve" };
            for (var i = 0; i < defaults.Length; i += 2)
                if (!extra.Contains(defaults[i])) args.AddRange([defaults[i], defaults[i + 1]]);
            args.AddRange(extra);
            var start = CliProcess.StartInfo(cli, [.. args]);
            cli.EnvironmentOverride = null;
            var serve = new ServeProcess(Process.Start(start)!);
            var watch = Stopwatch.StartNew();
            while (System.Text.RegularExpressions.Regex.Match(serve.Output, @" on (http://127\.0\.0\.1:\d+)") is not { Success: true } match)
            {
                if (serve._process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
                    throw new InvalidOperationException("serve did not start:\n" + serve.Output);
                await Task.Delay(50);
            }
            serve.BaseUrl = new Uri(System.Text.RegularExpressions.Regex.Match(serve.Output, @" on (http://127\.0\.0\.1:\d+)").Groups[1].Value + "/");
            return serve;
        }

        public async Task<(int ExitCode, string Output)> StopAsync()
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill!.WaitForExitAsync();
            }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await _pump;
            return (_process.ExitCode, Output);
        }

        private async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
                lock (_output) _output.AppendLine(line);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
