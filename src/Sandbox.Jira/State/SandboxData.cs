using System.Text.Json.Serialization;
using Sandbox.Jira.Model;

namespace Sandbox.Jira.State;

/// <summary>Everything a sandbox holds; the shape of its data file.</summary>
public sealed class SandboxData
{
    public List<SandboxUser> Users { get; set; } = [];
    public List<SandboxProject> Projects { get; set; } = [];
    public List<SandboxIssue> Issues { get; set; } = [];
    public long NextIssueId { get; set; } = 10000;
    public long NextCommentId { get; set; } = 10000;
    public long NextHistoryId { get; set; } = 10000;
    public long NextRemoteLinkId { get; set; } = 10000;
    public long NextVersionId { get; set; } = 10000;
    public List<IssueLink> IssueLinks { get; set; } = [];
    public long NextIssueLinkId { get; set; } = 10000;
    public List<SandboxWebhook> Webhooks { get; set; } = [];
    public long NextWebhookId { get; set; } = 1;
    public List<SandboxBoard> Boards { get; set; } = [];
    public List<SandboxSprint> Sprints { get; set; } = [];
    public long NextSprintId { get; set; } = 1;

    public static SandboxData Seed(SandboxOptions options)
    {
        var me = options.Mode == SandboxMode.Cloud
            ? new SandboxUser("5b10ac8d82e05b22cc7d4ef5", "demo", "JIRAUSER10000", "Demo User", options.User)
            : new SandboxUser("", options.User, "JIRAUSER10000", "Demo User", options.User.Contains('@', StringComparison.Ordinal) ? options.User : options.User + "@example.com");
        var data = new SandboxData
        {
            Users =
            [
                me,
                new("5b10a2844c20165700ede21a", "alice", "JIRAUSER10101", "Alice Martin", "alice@example.com"),
                new("5b10a2844c20165700ede22b", "bob", "JIRAUSER10102", "Bob Chen", "bob@example.com"),
                new("5b10a2844c20165700ede23c", "carol", "JIRAUSER10103", "Carol Diaz", "carol@example.com"),
                new("5b10a2844c20165700ede24d", "former", "JIRAUSER10104", "Former Employee", "former@example.com", Active: false),
            ],
        };
        data.Projects.Add(new SandboxProject { Id = "10000", Key = options.ProjectKey, Name = options.ProjectKey + " project", LeadId = me.Key,
            Components = [new("10200", "Backend"), new("10201", "Frontend"), new("10202", "API")] });
        data.Boards.Add(new SandboxBoard(1, options.ProjectKey + " board", "scrum", options.ProjectKey));
        return data;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SandboxData))]
internal sealed partial class SandboxDataJsonContext : JsonSerializerContext;
