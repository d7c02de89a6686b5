using System.Collections.Immutable;

namespace BacklogJira.Core.Fields;

/// <summary>
/// The last agreed state of a pair, per field: a field has a base only once both sides verifiably held the same
/// value. A field with no entry was never agreed (a freshly linked pair, a value one side could not take), and the
/// merge treats it as first contact. <see cref="Unresolved"/> names the fields left in conflict, for reports.
/// </summary>
public sealed record AgreedBase(ImmutableDictionary<string, object?> Values, ImmutableSortedSet<string> Unresolved)
{
    public static AgreedBase Empty { get; } = new(ImmutableDictionary<string, object?>.Empty, ImmutableSortedSet<string>.Empty);

    public bool TryGet(IFieldSemantics field, out object? value) => Values.TryGetValue(field.Name, out value);

    public AgreedBase With(IFieldSemantics field, object? value) => this with { Values = Values.SetItem(field.Name, value) };

    public AgreedBase Without(IFieldSemantics field) => this with { Values = Values.Remove(field.Name) };

    /// <summary>This base with the field's entry taken from <paramref name="other"/> (or removed when it has none).</summary>
    public AgreedBase WithEntryOf(IFieldSemantics field, AgreedBase? other) =>
        other is not null && other.TryGet(field, out var value) ? With(field, value) : Without(field);

    /// <summary>Same entries with the same values (the same meaning and the same shown form: exact, where <see cref="IFieldSemantics.Same"/>
    /// compares only what both sides hold), and the same unresolved fields (is a snapshot write needed).</summary>
    public bool SameAs(AgreedBase? other, IEnumerable<IFieldSemantics> fields) =>
        other is not null && Unresolved.SetEquals(other.Unresolved) && fields.All(f =>
            TryGet(f, out var mine) == other.TryGet(f, out var theirs)
            && (!Values.ContainsKey(f.Name) || f.Same(mine, theirs) && string.Equals(f.Display(mine), f.Display(theirs), StringComparison.Ordinal)));
}
