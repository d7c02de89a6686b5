using System.Collections;
using System.Text;

namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>
/// The fault suite's secrets part (issue 15): a whole working session at the most talkative log level, both transports,
/// with failures on purpose, and then the token, the Basic credential built from it and the bearer header must appear
/// in no output, no log line and no file under the project except the <c>.env</c> the user asked for.
/// </summary>
public class SecretsTests
{
    [Fact]
    public async Task The_token_reaches_no_output_log_or_file_at_any_log_level()
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        await using var cli = await CliRun.StartAsync(new Sandbox.Jira.SandboxOptions { Token = token });
        var user = cli.Jira.Sandbox.Options.User;
        var forms = new[] { token, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}")), "Bearer " + token };
        var env = (Hashtable)cli.Environment;
        env["LOG_LEVEL"] = "trace";
        cli.EnvironmentOverride = env;
        var outputs = new List<(string Command, string Text)>();
        // Every other command at --verbose (debug), the rest at LOG_LEVEL=trace: both levels see every kind of run.
        async Task Run(params string[] args)
        {
            var result = await cli.RunAsync(outputs.Count % 2 == 0 ? [.. args, "--verbose"] : args);
            outputs.Add((string.Join(' ', args), result.Stdout + result.Stderr));
        }

        await Run("init", "--project-key", "DEMO");
        var configured = await cli.RunWithInputAsync(token + "\n", "configure", "--non-interactive", "--url", cli.Jira.Sandbox.BaseUrl.ToString(),
            "--email", user, "--token-stdin", "--project", "DEMO", "--credentials", "dotenv", "--yes", "--verbose");
        configured.ExitCode.ShouldBe(0, configured.Stderr);
        outputs.Add(("configure", configured.Stdout + configured.Stderr));
        (await cli.BacklogAsync("task", "create", "First", "-d", "Some text")).EnsureSuccess("create");
        (await cli.BacklogAsync("task", "create", "Second")).EnsureSuccess("create");
        await Run("doctor");
        await Run("create-issue", "1", "2", "--json");
        (await cli.BacklogAsync("task", "edit", "1", "-t", "First, renamed")).EnsureSuccess("edit");
        await Run("status", "--json");
        await Run("push", "--dry-run");
        await Run("sync", "--json");
        await Run("pull", "--import", "--dry-run");
        await Run("view", "1", "--json");
        await Run("map", "list");
        await Run("status", "--history", "20");

        // Through the MCP transport: the server gets the credentials it needs; nothing of it comes back.
        await cli.UseMcpStandInAsync();
        await Run("sync", "--transport", "mcp");

        // Failures on purpose: a single sign-on page, rate limits, server errors, an unreachable host.
        cli.Jira.Sandbox.Faults.Plan = new Sandbox.Jira.Faults.FaultPlan { LoginPage = true };
        await Run("status");
        cli.Jira.Sandbox.Faults.Plan = new Sandbox.Jira.Faults.FaultPlan { RateLimitFraction = 1, RetryAfterSeconds = 0, ServerErrorFraction = 0.5 };
        await Run("sync");
        cli.Jira.Sandbox.Faults.Plan = Sandbox.Jira.Faults.FaultPlan.None;
        env["JIRA_URL"] = "http://127.0.0.1:9/";
        await Run("status");

        outputs.Count.ShouldBeGreaterThan(12);
        outputs.ShouldContain(o => System.Text.RegularExpressions.Regex.IsMatch(o.Text, "(?m)^debug "), "the logs were on");
        foreach (var (command, text) in outputs)
            foreach (var form in forms)
                text.ShouldNotContain(form, Case.Sensitive, $"'{command}' printed a secret");
        var files = Directory.EnumerateFiles(cli.Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".env" && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        files.ShouldContain(f => f.EndsWith("ops-log.jsonl", StringComparison.Ordinal), "the session wrote its log");
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var form in forms) text.ShouldNotContain(form, Case.Sensitive, $"{Path.GetRelativePath(cli.Root, file)} holds a secret");
        }
        (await File.ReadAllTextAsync(Path.Combine(cli.Root, ".env"))).ShouldContain(token, Case.Sensitive, "the .env the user asked for holds it");
    }
}
