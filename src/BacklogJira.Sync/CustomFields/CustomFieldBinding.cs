using BacklogJira.Core.CustomFields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.CustomFields;

/// <summary>A rule with the Jira field it names, as <c>GET /field</c> describes it, and that field's kind.</summary>
public sealed record CustomFieldBinding(CustomFieldRule Rule, JiraField Field, CustomFieldKind Kind)
{
    /// <summary>"Story Points (customfield_10016, number)", for plans and messages.</summary>
    public string Describe => $"{Field.Name} ({Field.Id}, {Kind.Label()})";
}
