using BacklogJira.Core.Fields;

namespace BacklogJira.Core.Merge;

/// <summary>A field changed differently on both sides (or never agreed and different): what the prompt shows.</summary>
public sealed record FieldConflict(string Pair, IFieldSemantics Field, bool HasBase, object? BaseValue, SideValue Backlog, SideValue Jira)
{
    public string BaseText => HasBase ? Field.Display(BaseValue) : "(never agreed)";
    public string BacklogText => Show(Backlog);
    public string JiraText => Show(Jira);

    private string Show(SideValue value) => value.IsKnown ? Field.Display(value.Value) : value.Shown ?? "(not held)";
}
