using BacklogJira.Sync.Fields;

namespace BacklogJira.Sync.CustomFields;

/// <summary>A descriptor built from a custom-field rule; <c>doctor</c> and <c>configure</c> read its binding.</summary>
public interface IRuleField : ISyncField
{
    CustomFieldBinding Binding { get; }
}
