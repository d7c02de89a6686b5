using System.Collections.Immutable;

namespace BacklogJira.Core.Fields;

/// <summary>Every field's value on one side of a pair, by field name.</summary>
public sealed class SideValues(ImmutableDictionary<string, SideValue> values)
{
    public static SideValues None { get; } = new(ImmutableDictionary<string, SideValue>.Empty);

    public ImmutableDictionary<string, SideValue> All { get; } = values;

    public SideValue this[IFieldSemantics field] =>
        All.TryGetValue(field.Name, out var value) ? value : SideValue.Missing($"{field.Name} was not read");

    /// <summary>The field's canonical value (its empty value when the side does not hold it in canonical form).</summary>
    public T Get<T>(FieldSemantics<T> field) => field.Cast(this[field].Value);

    public SideValues With(IFieldSemantics field, SideValue value) => new(All.SetItem(field.Name, value));
}
