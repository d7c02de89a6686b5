using System.Text.Json.Nodes;

namespace BacklogJira.Core.Ports;

public enum JiraDeployment
{
    Cloud,
    DataCenter,
}

public sealed record JiraServerInfo(string BaseUrl, string Version, JiraDeployment Deployment, DateTimeOffset? ServerTime);

/// <summary>A Jira user. Cloud knows only <see cref="AccountId"/>; Data Center knows <see cref="Name"/> and <see cref="Key"/>.</summary>
public sealed record JiraUser(string? AccountId, string? Name, string? Key, string DisplayName, string? Email, bool Active, string? TimeZone)
{
    /// <summary>The identifier that never changes: accountId on Cloud, the user key on Data Center.</summary>
    public string StableId => AccountId ?? Key ?? Name ?? DisplayName;
}

public sealed record JiraStatus(string Id, string Name, string CategoryKey);

public sealed record JiraPriority(string Id, string Name);

/// <summary>A project version (a release), as fix versions name them.</summary>
public sealed record JiraVersion(string Id, string Name, bool Released, bool Archived);

public sealed record JiraField(string Id, string Name, bool Custom, string? SchemaType);

public sealed record JiraProject(string Id, string Key, string Name, IReadOnlyList<string> IssueTypes);

/// <summary>An issue with its text already in Markdown (from ADF on Cloud, from wiki markup on Data Center).
/// <see cref="DescriptionFingerprint"/> hashes Jira's own form of the description, so a change in Jira is detected
/// even where the Markdown rendering would hide it.</summary>
public sealed record JiraIssue
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string ProjectKey { get; init; }
    public required string IssueType { get; init; }
    public required string Summary { get; init; }
    public required string Description { get; init; }
    public required string DescriptionFingerprint { get; init; }
    public required JiraStatus Status { get; init; }
    public JiraUser? Assignee { get; init; }
    public JiraUser? Reporter { get; init; }
    public JiraPriority? Priority { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? ParentKey { get; init; }
    public string? Resolution { get; init; }
    public string? DueDate { get; init; }

    /// <summary>The names of the issue's fix versions, in Jira's order.</summary>
    public IReadOnlyList<string> FixVersions { get; init; } = [];
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }
}

/// <summary>What a bulk read by key found, and the keys that no longer exist (deleted, or moved without a redirect).</summary>
public sealed record JiraIssueRead(IReadOnlyList<JiraIssue> Issues, IReadOnlyList<string> Missing);

public sealed record JiraIssueRef(string Id, string Key, string Self);

/// <summary>What to create. Description is Markdown; the client converts it for the deployment.</summary>
public sealed record JiraIssueDraft
{
    public required string ProjectKey { get; init; }
    public required string IssueType { get; init; }
    public required string Summary { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? PriorityName { get; init; }
    public JiraUser? Assignee { get; init; }
    public string? ParentKey { get; init; }

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    public string? DueDate { get; init; }

    /// <summary>Null: Jira's default (the user who creates the issue).</summary>
    public JiraUser? Reporter { get; init; }

    /// <summary>Fix versions by name; each must exist in the project.</summary>
    public IReadOnlyList<string> FixVersions { get; init; } = [];

    /// <summary>Issue properties set in the same request (e.g. the task id, so a retried create can find its issue).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } = new Dictionary<string, JsonNode?>();
}

/// <summary>Only the fields that changed; a null member means "leave as is". Clearing is explicit.</summary>
public sealed record JiraIssueUpdate
{
    public string? Summary { get; init; }
    public bool ChangeDescription { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }
    public string? PriorityName { get; init; }
    public bool ChangeAssignee { get; init; }
    public JiraUser? Assignee { get; init; }
    public bool ChangeDueDate { get; init; }

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>; null clears it when <see cref="ChangeDueDate"/>.</summary>
    public string? DueDate { get; init; }

    /// <summary>A new issue type, by name; Jira refuses a change across workflows or between standard and sub-task types.</summary>
    public string? IssueTypeName { get; init; }

    /// <summary>Jira refuses it without the "Modify Reporter" permission.</summary>
    public JiraUser? Reporter { get; init; }

    /// <summary>The complete list of fix versions by name (empty clears them); each must exist in the project.</summary>
    public IReadOnlyList<string>? FixVersions { get; init; }

    public bool IsEmpty => Summary is null && !ChangeDescription && Labels is null && PriorityName is null && !ChangeAssignee && !ChangeDueDate
        && IssueTypeName is null && Reporter is null && FixVersions is null;
}

public sealed record JiraTransitionField(string Id, string Name, bool Required, IReadOnlyList<string> AllowedValues);

public sealed record JiraTransition(string Id, string Name, JiraStatus To, IReadOnlyList<JiraTransitionField> Fields);

public sealed record JiraComment(string Id, string Body, JiraUser? Author, DateTimeOffset Created, DateTimeOffset Updated);

/// <summary>Jira's 400 to an edit: its message, and the field ids its error collection named (none on some transports).</summary>
public sealed record JiraRefusal(string Message, IReadOnlyList<string> Fields);

/// <summary>An edit Jira refused without naming a field it could be written without.</summary>
public sealed class JiraEditRefusedException(string message) : Exception(message);

public sealed record JiraRemoteLink(string GlobalId, string Url, string Title);
