using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Tests.Commands.Configure;

/// <summary>The wizard on a real pseudo-terminal, answered key by key.</summary>
public class ConfigureWizardTests
{
    [Fact]
    public async Task The_wizard_walks_through_every_question_and_writes_the_answers()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init")).ExitCode.ShouldBe(0);
        var environment = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "", ["HOME"] = cli.Root };
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root) environment["DOTNET_ROOT"] = root;
        using var pty = PtySession.Start(cli.Root, environment, "configure");
        var token = cli.Jira.Sandbox.Options.Token;

        await pty.WaitForAsync("Which Jira?");
        await pty.SendAsync("\r");                                   // Jira Cloud, the first choice
        await pty.WaitForAsync("Jira URL:");
        await pty.SendAsync(cli.Jira.Sandbox.BaseUrl.ToString().TrimEnd('/') + "\r");
        await pty.WaitForAsync("Account email:");
        await pty.SendAsync(cli.Jira.Sandbox.Options.User + "\r");
        await pty.WaitForAsync("API token:");
        await pty.SendAsync(token + "\r");
        await pty.WaitForAsync("Logged in as Demo User");
        await pty.WaitForAsync("Project:");
        await pty.SendAsync("\r");                                   // DEMO
        await pty.WaitForAsync("Issue type for create-issue:");
        await pty.SendAsync("\r");                                   // Task comes first
        await pty.WaitForAsync("JQL for pull --import:");
        await pty.SendAsync("\r");
        await pty.WaitForAsync("Custom fields to sync");
        await pty.SendAsync(" \r");                                  // the first, Affected builds (multi-version)
        await pty.WaitForAsync("Where does Affected builds go in the task");
        await pty.SendAsync("\r");                                   // the proposed label:affected-builds:
        await pty.WaitForAsync("Use this status mapping?");
        await pty.SendAsync("\r");
        await pty.WaitForAsync("When a field changed on both sides:");
        await pty.SendAsync("\u001b[B\u001b[B\r");                   // down twice: prefer-jira
        await pty.WaitForAsync("Keep the credentials:");
        await pty.SendAsync("\r");                                   // .env
        await pty.WaitForAsync(".env is not in .gitignore. Add it?");
        await pty.SendAsync("\r");
        await pty.WaitForAsync("Configured DEMO");
        (await pty.ExitCodeAsync()).ShouldBe(0, pty.Text);

        pty.Text.ShouldNotContain(token);
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Root, ".backlog-jira", "config.json")))!;
        config["jira"]!["projectKey"]!.GetValue<string>().ShouldBe("DEMO");
        config["jira"]!["issueType"]!.GetValue<string>().ShouldBe("Task");
        config["sync"]!["conflictStrategy"]!.GetValue<string>().ShouldBe("prefer-jira");
        config["customFields"]!.AsArray().Select(r => $"{r!["jira"]} {r["backlog"]}").ShouldBe(["customfield_10034 label:affected-builds:"]);
        config["backlog"]!["statusMapping"]!["Done"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldContain("Done");
        (await File.ReadAllTextAsync(Path.Combine(cli.Root, ".env"))).ShouldContain("JIRA_API_TOKEN=" + token);
        (await File.ReadAllTextAsync(Path.Combine(cli.Root, ".gitignore"))).ShouldContain(".env");
    }
}
