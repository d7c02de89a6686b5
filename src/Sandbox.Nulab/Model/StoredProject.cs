namespace Sandbox.Nulab.Model;

/// <summary>A project and its per-project lists (statuses, issue types, categories, versions/milestones, members).</summary>
public sealed class StoredProject
{
    public required int Id { get; init; }

    public required string Key { get; init; }

    public required string Name { get; init; }

    public string TextFormattingRule { get; init; } = "markdown";

    public bool Archived { get; init; }

    public int DisplayOrder { get; init; }

    public List<StoredStatus> Statuses { get; } = [];

    public List<StoredIssueType> IssueTypes { get; } = [];

    public List<StoredCategory> Categories { get; } = [];

    public List<StoredVersion> Versions { get; } = [];

    public List<int> MemberIds { get; } = [];

    public int NextKeyId { get; set; } = 1;
}

public sealed record StoredStatus(int Id, int ProjectId, string Name, string Color, int DisplayOrder);

public sealed record StoredIssueType(int Id, int ProjectId, string Name, string Color, int DisplayOrder);

public sealed record StoredCategory(int Id, int ProjectId, string Name, int DisplayOrder);

/// <summary>Versions and milestones share one type on Backlog; an issue refers to them through two lists.</summary>
public sealed record StoredVersion(int Id, int ProjectId, string Name, string? Description, DateTimeOffset? StartDate, DateTimeOffset? ReleaseDueDate, bool Archived, int DisplayOrder);

public sealed record NamedEntry(int Id, string Name);
