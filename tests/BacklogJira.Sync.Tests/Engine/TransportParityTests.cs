using System.Text.RegularExpressions;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>The same work through REST and through the MCP stand-in leaves byte-identical task files (clock readings and
/// the sandbox's port aside) and the same Jira issues.</summary>
public partial class TransportParityTests
{
    private static CancellationToken None => CancellationToken.None;

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Both_transports_leave_the_same_task_files_and_the_same_jira_state(SandboxMode mode)
    {
        var rest = await RunScenarioAsync(mode, JiraTransport.Rest);
        var mcp = await RunScenarioAsync(mode, JiraTransport.Mcp);

        mcp.Files.Keys.ShouldBe(rest.Files.Keys, ignoreOrder: true);
        foreach (var (name, text) in rest.Files) mcp.Files[name].ShouldBe(text, $"task file {name}");
        mcp.Issues.ShouldBe(rest.Issues);
    }

    private sealed record Outcome(Dictionary<string, string> Files, List<string> Issues);

    private static async Task<Outcome> RunScenarioAsync(SandboxMode mode, JiraTransport transport)
    {
        await using var world = await SyncWorld.CreateAsync(mode: mode, transport: transport);
        var a = await world.CreateTaskAsync("-d", "Users sign in with Okta.\n\nSee the *design* notes.", "--ac", "Redirects", "--ac", "Creates user",
            "-l", "auth", "--priority", "high", "-a", "@alice", "--", "Login with SSO");
        var b = await world.CreateTaskAsync("-s", "In Progress", "-d", "Export as CSV", "--", "CSV export");
        var c = await world.CreateTaskAsync("-s", "Done", "--plan", "1. Write\n2. Ship", "--notes", "Shipped on Monday", "--priority", "low", "--", "Release notes");
        var keys = new List<string>();
        foreach (var id in new[] { a, b, c })
        {
            var created = await world.Creator().CreateAsync(id, null, dryRun: false, None);
            created.Error.ShouldBeNull();
            keys.Add(created.JiraKey!);
        }

        await world.Client.UpdateIssueAsync(keys[0], new() { Summary = "Login with SSO (Okta)", Labels = ["auth", "okta"] }, None);
        await world.Client.UpdateIssueAsync(keys[1], new() { ChangeDescription = true, Description = "Export as CSV and XLSX" }, None);
        await world.Client.UpdateIssueAsync(keys[2], new() { PriorityName = "Medium", ChangeAssignee = true, Assignee = await world.Client.FindUserAsync(mode == SandboxMode.Cloud ? "5b10a2844c20165700ede22b" : "bob", None) }, None);
        await world.CliAsync("task", "edit", "1", "-s", "In Progress");
        await world.CliAsync("task", "edit", "2", "-t", "CSV and XLSX export");

        var outcomes = await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferJira);
        outcomes.ShouldAllBe(o => o.Error == null && o.Conflicts.Count == 0 && o.Warnings.Count == 0);
        (await world.RunAsync(SyncMode.Status)).ShouldAllBe(o => o.State == PairState.InSync);

        var files = Directory.GetFiles(Path.Combine(world.Root, "backlog", "tasks"))
            .ToDictionary(f => Path.GetFileName(f), f => Dates().Replace(File.ReadAllText(f), "$1<time>").Replace(world.Jira.Sandbox.BaseUrl.ToString(), "<jira>/", StringComparison.Ordinal));
        var issues = new List<string>();
        foreach (var key in keys)
        {
            var issue = (await world.Client.GetIssueAsync(key, None))!;
            // Jira holds each transport's own form of the same parts (over MCP: ballot boxes, no rule before the
            // managed sections, docs/mcp-transport.md), so the parts are compared, written out one way.
            var description = Core.Mapping.ManagedDescription.Compose(Core.Mapping.ManagedDescription.Parse(issue.Description));
            issues.Add($"{issue.Key}|{issue.Summary}|{description}|{issue.Status.Name}|{issue.Resolution}|{string.Join(',', issue.Labels.Order())}|{issue.Priority?.Name}|{issue.Assignee?.StableId}");
        }
        return new Outcome(files, issues);
    }

    /// <summary>What differs between any two runs: clock readings.</summary>
    [GeneratedRegex(@"(?m)^((?:created_date|updated_date|jira_last_sync): ).*$")]
    private static partial Regex Dates();
}
