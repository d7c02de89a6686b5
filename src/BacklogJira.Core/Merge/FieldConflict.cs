using BacklogJira.Core.Model;

namespace BacklogJira.Core.Merge;

/// <summary>A field changed differently on both sides: what the prompt shows.</summary>
public sealed record FieldConflict(SyncField Field, SyncFields? BaseValue, SyncFields BacklogValue, SyncFields JiraValue)
{
    public string BaseText => BaseValue?.Display(Field) ?? "(never synced)";
    public string BacklogText => BacklogValue.Display(Field);
    public string JiraText => JiraValue.Display(Field);
}
