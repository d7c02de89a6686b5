using System.Text.Json.Nodes;

namespace Sandbox.Jira.Model;

/// <summary>An issue as the sandbox stores it. Rich text is ADF on Cloud and a wiki string on Data Center, converted at
/// the API version boundary as Jira does.</summary>
public sealed class SandboxIssue
{
    public required string Id { get; init; }
    public required string Key { get; set; }
    public required string ProjectKey { get; set; }
    public string IssueTypeId { get; set; } = "10001";
    public required string Summary { get; set; }
    public JsonNode? Description { get; set; }
    public required string StatusId { get; set; }
    public string? AssigneeId { get; set; }
    public string? ReporterId { get; set; }
    public string? PriorityId { get; set; } = "3";
    public List<string> Labels { get; set; } = [];
    public string? ResolutionId { get; set; }
    public string? ParentKey { get; set; }
    public string? DueDate { get; set; }

    /// <summary>Ids of the project's versions this issue is fixed in.</summary>
    public List<string> FixVersionIds { get; set; } = [];

    public List<string> ComponentIds { get; set; } = [];
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public DateTimeOffset? ResolutionDate { get; set; }
    public DateTimeOffset StatusCategoryChanged { get; set; }
    public Dictionary<string, JsonNode?> CustomFields { get; set; } = [];
    public List<SandboxComment> Comments { get; set; } = [];
    public List<ChangeHistory> Histories { get; set; } = [];
    public List<RemoteLink> RemoteLinks { get; set; } = [];
    public Dictionary<string, JsonNode?> Properties { get; set; } = [];
    public List<string> FormerKeys { get; set; } = [];
}

public sealed class SandboxComment
{
    public required string Id { get; init; }
    public required string AuthorId { get; init; }
    public JsonNode? Body { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
}

public sealed record ChangeItem(string Field, string FieldType, string? From, string? FromText, string? To, string? ToText);

public sealed record ChangeHistory(string Id, string AuthorId, DateTimeOffset Created, IReadOnlyList<ChangeItem> Items);

public sealed class RemoteLink
{
    public required long Id { get; init; }
    public string? GlobalId { get; set; }
    public string? Relationship { get; set; }
    public required JsonObject Target { get; set; }
    public JsonObject? Application { get; set; }
}
