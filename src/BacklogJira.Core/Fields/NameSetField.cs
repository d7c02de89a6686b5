using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace BacklogJira.Core.Fields;

/// <summary>A set of names (labels), ordered for display only. Names the other side cannot hold
/// (<see cref="OneSideOnly"/>) are left out of the comparison: they stay where they are.</summary>
public abstract class NameSetField : FieldSemantics<ImmutableSortedSet<string>>
{
    public static ImmutableSortedSet<string> SetOf(IEnumerable<string> names) =>
        names.Select(l => l.Trim()).Where(l => l.Length > 0).ToImmutableSortedSet(StringComparer.Ordinal);

    public override ImmutableSortedSet<string> Empty => ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>True for a name only one side can hold (a label with a space, which Jira refuses).</summary>
    public abstract bool OneSideOnly(string name);

    public override bool Same(ImmutableSortedSet<string> left, ImmutableSortedSet<string> right) =>
        left.Where(n => !OneSideOnly(n)).ToHashSet(StringComparer.Ordinal).SetEquals(right.Where(n => !OneSideOnly(n)));

    public override bool IsEmpty(ImmutableSortedSet<string> value) => value.Count == 0;

    public override string Display(ImmutableSortedSet<string> value) => value.Count == 0 ? "(none)" : string.Join(", ", value);

    public override JsonNode? ToJson(ImmutableSortedSet<string> value) => new JsonArray([.. value.Select(n => (JsonNode?)JsonValue.Create(n))]);

    public override ImmutableSortedSet<string> FromJson(JsonNode? node) =>
        node is JsonArray list ? SetOf(list.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")) : Empty;
}
