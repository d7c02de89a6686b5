namespace Sandbox.Nulab.Model;

/// <summary>An issue as the sandbox stores it; ids refer to the project's lists and the space's users.</summary>
public sealed class StoredIssue
{
    public required int Id { get; init; }

    public required int ProjectId { get; init; }

    public required string IssueKey { get; init; }

    public required int KeyId { get; init; }

    public required int IssueTypeId { get; set; }

    public required string Summary { get; set; }

    public string? Description { get; set; }

    public int? ResolutionId { get; set; }

    public int? PriorityId { get; set; }

    public required int StatusId { get; set; }

    public int? AssigneeId { get; set; }

    public List<int> CategoryIds { get; set; } = [];

    public List<int> VersionIds { get; set; } = [];

    public List<int> MilestoneIds { get; set; } = [];

    public DateTimeOffset? StartDate { get; set; }

    public DateTimeOffset? DueDate { get; set; }

    public decimal? EstimatedHours { get; set; }

    public decimal? ActualHours { get; set; }

    public int? ParentIssueId { get; set; }

    public required int CreatedUserId { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required int UpdatedUserId { get; set; }

    public required DateTimeOffset Updated { get; set; }

    public List<StoredAttachment> Attachments { get; } = [];

    public List<StoredComment> Comments { get; } = [];

    /// <summary>Custom field values by field id: text, a number, or the chosen items of a list field.</summary>
    public Dictionary<int, StoredCustomValue> CustomValues { get; } = [];
}

/// <summary>One custom field's value: <see cref="Text"/> for text and sentence fields, <see cref="Number"/> for
/// numbers, <see cref="Items"/> (item ids) for list, checkbox and radio fields.</summary>
public sealed record StoredCustomValue(string? Text = null, decimal? Number = null, IReadOnlyList<int>? Items = null);
