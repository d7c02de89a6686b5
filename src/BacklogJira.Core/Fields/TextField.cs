using System.Text.Json.Nodes;

namespace BacklogJira.Core.Fields;

/// <summary>A text field (title, description, plan, notes): "" is empty, compared exactly (the text is canonical already).</summary>
public abstract class TextField : FieldSemantics<string>
{
    public override string Empty => "";

    public override bool Same(string left, string right) => string.Equals(left, right, StringComparison.Ordinal);

    public override bool IsEmpty(string value) => value.Length == 0;

    public override string Display(string value) => value;

    public override JsonNode? ToJson(string value) => JsonValue.Create(value);

    public override string FromJson(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : "";
}
