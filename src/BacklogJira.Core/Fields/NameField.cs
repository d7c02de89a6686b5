using System.Text.Json.Nodes;

namespace BacklogJira.Core.Fields;

/// <summary>One name or none (status, priority): null is empty, compared exactly.</summary>
public abstract class NameField : FieldSemantics<string?>
{
    public override string? Empty => null;

    public override bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.Ordinal);

    public override bool IsEmpty(string? value) => value is null;

    public override string Display(string? value) => value ?? "(none)";

    public override JsonNode? ToJson(string? value) => value is null ? null : JsonValue.Create(value);

    public override string? FromJson(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
