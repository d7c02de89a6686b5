using System.CommandLine;
using Sandbox.Jira;
using Sandbox.Jira.Faults;

namespace BacklogJira.Cli.Commands;

/// <summary><c>sandbox</c>: runs the Jira look-alike in the foreground until Ctrl-C, printing where it listens and
/// which credentials it accepts.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 0 };
        var data = new Option<string?>("--data") { Description = "JSON file to load the state from and save it to, so the sandbox survives restarts" };
        var mode = new Option<string>("--mode") { Description = "cloud (REST v3 + v2, ADF) or datacenter (REST v2, wiki, PAT)", DefaultValueFactory = _ => "cloud" };
        mode.AcceptOnlyFromAmong("cloud", "datacenter");
        var user = new Option<string>("--user") { Description = "Email (cloud) or user name (datacenter) that may log in", DefaultValueFactory = _ => "demo@example.com" };
        var token = new Option<string>("--token") { Description = "API token (cloud) or personal access token (datacenter)", DefaultValueFactory = _ => "sandbox-token" };
        var project = new Option<string>("--project") { Description = "Key of the seeded project", DefaultValueFactory = _ => "DEMO" };
        var timeZone = new Option<string>("--time-zone") { Description = "The user's time zone: timestamps and JQL dates use it", DefaultValueFactory = _ => "UTC" };
        var seed = new Option<int>("--seed-issues") { Description = "Issues to create at start", DefaultValueFactory = _ => 0 };
        var latency = new Option<int>("--latency-ms") { Description = "Delay added to every request" };
        var rateLimit = new Option<double>("--rate-limit-fraction") { Description = "Share of requests answered 429 (0–1)" };
        var perSecond = new Option<int?>("--rate-limit-per-second") { Description = "Burst limit: requests per second before 429s" };
        var retryAfter = new Option<int>("--retry-after") { Description = "Retry-After seconds sent with 429", DefaultValueFactory = _ => 1 };
        var errors = new Option<double>("--error-fraction") { Description = "Share of requests answered 500/503 (0–1)" };
        var drops = new Option<double>("--drop-fraction") { Description = "Share of connections dropped without an answer (0–1)" };
        var slowBody = new Option<int>("--slow-body-ms") { Description = "Pause between 512-byte chunks of every response body" };

        var command = new Command("sandbox", "Run a local Jira look-alike (Cloud or Data Center) for demos and tests, until Ctrl-C\n\nExample: backlog-jira sandbox --port 8080 --mode datacenter --seed-issues 50")
        {
            port, data, mode, user, token, project, timeZone, seed, latency, rateLimit, perSecond, retryAfter, errors, drops, slowBody,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SandboxOptions
            {
                Port = parse.GetValue(port),
                DataFile = parse.GetValue(data),
                Mode = parse.GetValue(mode) == "datacenter" ? SandboxMode.DataCenter : SandboxMode.Cloud,
                User = parse.GetValue(user)!,
                Token = parse.GetValue(token)!,
                ProjectKey = parse.GetValue(project)!,
                TimeZone = parse.GetValue(timeZone)!,
            };
            await using var sandbox = await JiraSandbox.StartAsync(options, cancellationToken);
            sandbox.Faults.Plan = new FaultPlan
            {
                Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
                RateLimitFraction = parse.GetValue(rateLimit),
                RateLimitPerWindow = parse.GetValue(perSecond),
                RetryAfterSeconds = parse.GetValue(retryAfter),
                ServerErrorFraction = parse.GetValue(errors),
                DropFraction = parse.GetValue(drops),
                SlowBody = TimeSpan.FromMilliseconds(parse.GetValue(slowBody)),
            };
            if (parse.GetValue(seed) > 0) sandbox.SeedIssues(parse.GetValue(seed));
            var deployment = options.Mode == SandboxMode.Cloud ? "Jira Cloud (REST v3 + v2)" : "Jira Data Center (REST v2)";
            Console.WriteLine($"{deployment} sandbox listening on {sandbox.BaseUrl.ToString().TrimEnd('/')}");
            Console.WriteLine($"  project: {options.ProjectKey}");
            Console.WriteLine(options.Mode == SandboxMode.Cloud
                ? $"  JIRA_URL={sandbox.BaseUrl.ToString().TrimEnd('/')} JIRA_EMAIL={options.User} JIRA_API_TOKEN={options.Token}"
                : $"  JIRA_URL={sandbox.BaseUrl.ToString().TrimEnd('/')} JIRA_PERSONAL_TOKEN={options.Token}");
            if (options.DataFile is not null) Console.WriteLine($"  state saved to {Path.GetFullPath(options.DataFile)}");
            Console.WriteLine("Press Ctrl-C to stop.");
            try { await Task.Delay(Timeout.Infinite, cancellationToken); }
            catch (OperationCanceledException) { }
            return ExitCodes.Success;
        });
        return command;
    }
}
