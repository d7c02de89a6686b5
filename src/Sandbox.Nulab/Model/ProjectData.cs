namespace Sandbox.Nulab.Model;

/// <summary>A project and its per-project lists (statuses, issue types, categories, versions/milestones, members).</summary>
public sealed class ProjectData
{
    public required int Id { get; init; }

    public required string Key { get; init; }

    public required string Name { get; init; }

    public string TextFormattingRule { get; init; } = "markdown";

    public bool Archived { get; init; }

    public int DisplayOrder { get; init; }

    public List<StatusData> Statuses { get; } = [];

    public List<IssueTypeData> IssueTypes { get; } = [];

    public List<CategoryData> Categories { get; } = [];

    public List<VersionData> Versions { get; } = [];

    public List<int> MemberIds { get; } = [];

    public int NextKeyId { get; set; } = 1;
}

public sealed record StatusData(int Id, int ProjectId, string Name, string Color, int DisplayOrder);

public sealed record IssueTypeData(int Id, int ProjectId, string Name, string Color, int DisplayOrder);

public sealed record CategoryData(int Id, int ProjectId, string Name, int DisplayOrder);

/// <summary>Versions and milestones share one type on Backlog; an issue refers to them through two lists.</summary>
public sealed record VersionData(int Id, int ProjectId, string Name, string? Description, DateTimeOffset? StartDate, DateTimeOffset? ReleaseDueDate, bool Archived, int DisplayOrder);

public sealed record NamedData(int Id, string Name);
