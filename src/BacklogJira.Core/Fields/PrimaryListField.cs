using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace BacklogJira.Core.Fields;

/// <summary>An ordered list of names of which the other side holds only the first (Backlog.md's assignees against
/// Jira's one assignee): only the first is compared; the rest belong to one side and are kept there.</summary>
public abstract class PrimaryListField : FieldSemantics<ImmutableArray<string>>
{
    public override ImmutableArray<string> Empty => [];

    public override bool Same(ImmutableArray<string> left, ImmutableArray<string> right) =>
        string.Equals(First(left), First(right), StringComparison.Ordinal);

    public override bool IsEmpty(ImmutableArray<string> value) => value.IsDefaultOrEmpty;

    public override string Display(ImmutableArray<string> value) => value.IsDefaultOrEmpty ? "(unassigned)" : string.Join(", ", value);

    public override JsonNode? ToJson(ImmutableArray<string> value) => new JsonArray([.. (value.IsDefault ? [] : value).Select(n => (JsonNode?)JsonValue.Create(n))]);

    public override ImmutableArray<string> FromJson(JsonNode? node) => node switch
    {
        JsonArray list => [.. list.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)],
        // Snapshots of format 2 held one assignee as a string.
        JsonValue single when single.TryGetValue<string>(out var one) => [one],
        _ => [],
    };

    public static string? First(ImmutableArray<string> value) => value.IsDefaultOrEmpty ? null : value[0];
}
