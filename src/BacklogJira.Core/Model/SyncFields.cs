using System.Collections.Immutable;

namespace BacklogJira.Core.Model;

/// <summary>
/// The canonical value of every synced field, computed the same way from either side so that "equal" means equal.
/// Null means "no value" (no assignee, no priority, no status mapping). Labels are a set, ordered for display only.
/// </summary>
public sealed record SyncFields
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Status { get; init; }
    public string? Assignee { get; init; }
    public ImmutableSortedSet<string> Labels { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
    public string? Priority { get; init; }
    public ImmutableArray<CriterionItem> AcceptanceCriteria { get; init; } = [];
    public string ImplementationPlan { get; init; } = "";
    public string ImplementationNotes { get; init; } = "";

    public bool Equals(SyncFields? other) =>
        other is not null && Enum.GetValues<SyncField>().All(field => FieldEquals(field, this, other));

    public override int GetHashCode() => HashCode.Combine(Title, Description, Status, Assignee, Priority, ImplementationPlan, ImplementationNotes);

    public static bool FieldEquals(SyncField field, SyncFields left, SyncFields right) => field switch
    {
        SyncField.Title => left.Title == right.Title,
        SyncField.Description => left.Description == right.Description,
        SyncField.Status => left.Status == right.Status,
        SyncField.Assignee => left.Assignee == right.Assignee,
        SyncField.Labels => left.Labels.SetEquals(right.Labels),
        SyncField.Priority => left.Priority == right.Priority,
        SyncField.AcceptanceCriteria => left.AcceptanceCriteria.SequenceEqual(right.AcceptanceCriteria),
        SyncField.ImplementationPlan => left.ImplementationPlan == right.ImplementationPlan,
        SyncField.ImplementationNotes => left.ImplementationNotes == right.ImplementationNotes,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>True when the field holds no value at all (no text, no status, no assignee, no items).</summary>
    public bool IsEmpty(SyncField field) => field switch
    {
        SyncField.Title => Title.Length == 0,
        SyncField.Description => Description.Length == 0,
        SyncField.Status => Status is null,
        SyncField.Assignee => Assignee is null,
        SyncField.Labels => Labels.Count == 0,
        SyncField.Priority => Priority is null,
        SyncField.AcceptanceCriteria => AcceptanceCriteria.Length == 0,
        SyncField.ImplementationPlan => ImplementationPlan.Length == 0,
        SyncField.ImplementationNotes => ImplementationNotes.Length == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>This value set with <paramref name="field"/> taken from <paramref name="source"/>.</summary>
    public SyncFields With(SyncField field, SyncFields source) => field switch
    {
        SyncField.Title => this with { Title = source.Title },
        SyncField.Description => this with { Description = source.Description },
        SyncField.Status => this with { Status = source.Status },
        SyncField.Assignee => this with { Assignee = source.Assignee },
        SyncField.Labels => this with { Labels = source.Labels },
        SyncField.Priority => this with { Priority = source.Priority },
        SyncField.AcceptanceCriteria => this with { AcceptanceCriteria = source.AcceptanceCriteria },
        SyncField.ImplementationPlan => this with { ImplementationPlan = source.ImplementationPlan },
        SyncField.ImplementationNotes => this with { ImplementationNotes = source.ImplementationNotes },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The field's value as text, for plans, prompts and the ops log.</summary>
    public string Display(SyncField field) => field switch
    {
        SyncField.Title => Title,
        SyncField.Description => Description,
        SyncField.Status => Status ?? "(none)",
        SyncField.Assignee => Assignee ?? "(unassigned)",
        SyncField.Labels => Labels.Count == 0 ? "(none)" : string.Join(", ", Labels),
        SyncField.Priority => Priority ?? "(none)",
        SyncField.AcceptanceCriteria => AcceptanceCriteria.Length == 0 ? "(none)" : string.Join("\n", AcceptanceCriteria.Select(c => (c.Checked ? "[x] " : "[ ] ") + c.Text)),
        SyncField.ImplementationPlan => ImplementationPlan,
        SyncField.ImplementationNotes => ImplementationNotes,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static ImmutableSortedSet<string> LabelSet(IEnumerable<string> labels) =>
        labels.Select(l => l.Trim()).Where(l => l.Length > 0).ToImmutableSortedSet(StringComparer.Ordinal);
}
