namespace Sandbox.Nulab.Model;

/// <summary>A project and its per-project lists (statuses, issue types, categories, versions/milestones, members).</summary>
public sealed class StoredProject
{
    public required int Id { get; init; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public string TextFormattingRule { get; set; } = "markdown";

    public bool Archived { get; set; }

    public int DisplayOrder { get; init; }

    public List<StoredStatus> Statuses { get; } = [];

    public List<StoredIssueType> IssueTypes { get; } = [];

    public List<StoredCategory> Categories { get; } = [];

    public List<StoredVersion> Versions { get; } = [];

    /// <summary>The project's custom field definitions (Nulab's "Get Custom Field List").</summary>
    public List<StoredCustomField> CustomFields { get; } = [];

    public List<int> MemberIds { get; } = [];

    public int NextKeyId { get; set; } = 1;
}

public sealed record StoredStatus(int Id, int ProjectId, string Name, string Color, int DisplayOrder);

public sealed record StoredIssueType(int Id, int ProjectId, string Name, string Color, int DisplayOrder);

public sealed record StoredCategory(int Id, int ProjectId, string Name, int DisplayOrder);

/// <summary>Versions and milestones share one type on Backlog; an issue refers to them through two lists.</summary>
public sealed record StoredVersion(int Id, int ProjectId, string Name, string? Description, DateTimeOffset? StartDate, DateTimeOffset? ReleaseDueDate, bool Archived, int DisplayOrder);

public sealed record NamedEntry(int Id, string Name);

/// <summary>A custom field definition: <paramref name="TypeId"/> 1 text, 2 sentence, 3 number, 4 date, 5 single list,
/// 6 multiple list, 7 checkbox, 8 radio; list types have <paramref name="Items"/>.</summary>
public sealed record StoredCustomField(int Id, int ProjectId, int TypeId, string Name, string Description, bool Required,
    IReadOnlyList<int> ApplicableIssueTypes, IReadOnlyList<StoredCustomFieldItem> Items);

public sealed record StoredCustomFieldItem(int Id, string Name, int DisplayOrder);
