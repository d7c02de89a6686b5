using System.Collections;
using System.Text.Json.Nodes;
using BacklogJira.Serve.Webhooks;
using Sandbox.Jira;

namespace BacklogJira.Cli.Tests.Commands;

/// <summary><c>webhook register | list | remove</c> against the sandbox's admin webhook API, on Cloud (signed) and
/// Data Center (token in the URL).</summary>
public class WebhookCommandTests
{
    [Fact]
    public async Task Register_generates_and_stores_the_secret_registers_once_lists_and_removes_without_showing_the_secret()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");

        var first = await cli.RunAsync("webhook", "register", "--url", "https://sync.example.com/");
        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("stored it in .env as JIRA_WEBHOOK_SECRET");
        var secret = File.ReadAllLines(Path.Combine(cli.Root, ".env")).Single(l => l.StartsWith("JIRA_WEBHOOK_SECRET=", StringComparison.Ordinal))["JIRA_WEBHOOK_SECRET=".Length..];
        secret.Length.ShouldBe(64);
        first.Stdout.ShouldNotContain(secret);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(Path.Combine(cli.Root, ".env")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var hook = cli.Jira.Sandbox.State.Read(d => d.Webhooks.ShouldHaveSingleItem());
        hook.Url.ShouldBe("https://sync.example.com/webhooks/jira");
        hook.Secret.ShouldBe(secret, "Jira signs with the secret serve reads");
        hook.Events.ShouldBe(JiraWebhookParser.Handled);
        hook.Jql.ShouldBe("project = \"DEMO\"");

        var again = await cli.RunAsync("webhook", "register", "--url", "https://sync.example.com/webhooks/jira");
        again.ExitCode.ShouldBe(0);
        again.Stdout.ShouldContain("Already registered");
        cli.Jira.Sandbox.State.Read(d => d.Webhooks.Count).ShouldBe(1, "no duplicate on a second run");
        File.ReadAllText(Path.Combine(cli.Root, ".env")).ShouldContain(secret, Case.Sensitive, "the stored secret is kept, not replaced");

        var list = JsonNode.Parse((await cli.RunAsync("webhook", "list", "--json")).Stdout)!["webhooks"]!.AsArray().ShouldHaveSingleItem()!;
        list["ours"]!.GetValue<bool>().ShouldBeTrue();
        list["url"]!.GetValue<string>().ShouldBe("https://sync.example.com/webhooks/jira");

        var removed = await cli.RunAsync("webhook", "remove");
        removed.ExitCode.ShouldBe(0);
        removed.Stdout.ShouldContain("Removed webhook");
        cli.Jira.Sandbox.State.Read(d => d.Webhooks.Count).ShouldBe(0);
        (await cli.RunAsync("webhook", "remove", "999")).ExitCode.ShouldBe(1);
        (await cli.RunAsync("webhook", "register", "--url", "not a url")).ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task On_data_center_the_secret_travels_in_the_url_and_is_never_shown()
    {
        await using var cli = await CliRun.StartAsync(new SandboxOptions { Mode = SandboxMode.DataCenter, User = "demo" });
        var environment = new Hashtable
        {
            ["JIRA_URL"] = cli.Jira.Sandbox.BaseUrl.ToString(),
            ["JIRA_PERSONAL_TOKEN"] = cli.Jira.Sandbox.Options.Token,
            ["JIRA_DEPLOYMENT"] = "datacenter",
            ["JIRA_WEBHOOK_SECRET"] = "dc-secret-0123456789abcdef",
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
        };
        cli.EnvironmentOverride = environment;
        await cli.RunAsync("init", "--project-key", "DEMO");

        var registered = await cli.RunAsync("webhook", "register", "--url", "http://sync.internal:8787");
        registered.ExitCode.ShouldBe(0, registered.Stderr);
        var hook = cli.Jira.Sandbox.State.Read(d => d.Webhooks.ShouldHaveSingleItem());
        hook.Url.ShouldBe("http://sync.internal:8787/webhooks/jira?token=dc-secret-0123456789abcdef");
        hook.Secret.ShouldBeNull("Data Center webhooks are unsigned");
        var listed = await cli.RunAsync("webhook", "list");
        (registered.Stdout + listed.Stdout).ShouldNotContain("dc-secret-0123456789abcdef");
        listed.Stdout.ShouldContain("token=***");
    }
}
