using System.Text.Json.Nodes;

namespace BacklogJira.Core.Fields;

/// <summary>Typed base of <see cref="IFieldSemantics"/>: a descriptor works on <typeparamref name="T"/>; values of any
/// other type (a missing snapshot entry) read as <see cref="Empty"/>.</summary>
public abstract class FieldSemantics<T> : IFieldSemantics
{
    public abstract string Name { get; }

    public abstract T Empty { get; }

    public abstract bool Same(T left, T right);

    public abstract bool IsEmpty(T value);

    public abstract string Display(T value);

    public abstract JsonNode? ToJson(T value);

    public abstract T FromJson(JsonNode? node);

    /// <summary>Item-by-item merge; none by default.</summary>
    public virtual bool TryMergeItems(T baseValue, T backlogValue, T jiraValue, out T merged)
    {
        merged = Empty;
        return false;
    }

    public T Cast(object? value) => value is T typed ? typed : Empty;

    object? IFieldSemantics.EmptyValue => Empty;

    bool IFieldSemantics.Same(object? left, object? right) => Same(Cast(left), Cast(right));

    bool IFieldSemantics.IsEmpty(object? value) => IsEmpty(Cast(value));

    string IFieldSemantics.Display(object? value) => Display(Cast(value));

    object? IFieldSemantics.MergeItems(object? baseValue, object? backlogValue, object? jiraValue) =>
        TryMergeItems(Cast(baseValue), Cast(backlogValue), Cast(jiraValue), out var merged) ? merged : null;

    JsonNode? IFieldSemantics.ToJson(object? value) => ToJson(Cast(value));

    object? IFieldSemantics.FromJson(JsonNode? node) => FromJson(node);

    public override string ToString() => Name;
}
