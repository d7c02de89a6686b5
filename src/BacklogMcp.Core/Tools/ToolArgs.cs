using System.Globalization;
using System.Text.Json;
using BacklogMcp.Core.Errors;

namespace BacklogMcp.Core.Tools;

/// <summary>A tool call's arguments, read with the reference's conventions (ids as a JSON array or a comma-separated
/// string, numbers also as numeric strings) and checked: a wrong type, an out-of-range value or an unknown argument is
/// an <c>Invalid input</c> error naming the argument, never silently dropped.</summary>
public sealed class ToolArgs
{
    private readonly IReadOnlyDictionary<string, JsonElement> _values;

    public ToolArgs(IReadOnlyDictionary<string, JsonElement>? values) => _values = values ?? new Dictionary<string, JsonElement>();

    public static BacklogMcpException Invalid(string message) => BacklogMcpException.InvalidInput("Invalid input: " + message);

    public void RejectUnknown(string tool, IReadOnlyCollection<string> known)
    {
        var unknown = _values.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw Invalid($"{tool} does not take {string.Join(", ", unknown.Select(u => $"'{u}'"))}; its arguments are {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
    }

    /// <summary>The argument as JSON, for structured arguments (lists of objects); null when absent.</summary>
    public JsonElement? Raw(string name) => Value(name);

    private JsonElement? Value(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    public string? Text(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => throw Invalid($"{name} must be a string."),
    };

    public string RequiredString(string name) =>
        Text(name)?.Trim() is { Length: > 0 } text ? text : throw Invalid($"{name} is required (a non-empty string).");

    public int? WholeNumber(string name, int min, int max)
    {
        var value = Value(name);
        if (value is null) return null;
        int number;
        if (value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt32(out var n)) number = n;
        else if (value.Value.ValueKind == JsonValueKind.String && int.TryParse(value.Value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
        else throw Invalid($"{name} must be an integer, got {value.Value.GetRawText()}.");
        if (number < min || number > max)
            throw Invalid(max == int.MaxValue ? $"{name} must be {min} or more, got {number}." : $"{name} must be from {min} to {max}, got {number}.");
        return number;
    }

    public decimal? Fraction(string name, decimal min)
    {
        var value = Value(name);
        if (value is null) return null;
        decimal number;
        if (value.Value.ValueKind == JsonValueKind.Number) number = value.Value.GetDecimal();
        else if (value.Value.ValueKind == JsonValueKind.String && decimal.TryParse(value.Value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
        else throw Invalid($"{name} must be a number, got {value.Value.GetRawText()}.");
        return number >= min ? number : throw Invalid($"{name} must be {min} or more, got {number}.");
    }

    public bool? Bool(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v when v.GetString() is "true" or "false" => v.GetString() == "true",
        var v => throw Invalid($"{name} must be true or false, got {v.Value.GetRawText()}."),
    };

    public string? Choice(string name, IReadOnlyCollection<string> allowed)
    {
        var text = Text(name);
        return text is null || allowed.Contains(text) ? text : throw Invalid($"{name} must be one of {string.Join(", ", allowed)}, got '{text}'.");
    }

    public string? Date(string name)
    {
        var text = Text(name)?.Trim();
        if (string.IsNullOrEmpty(text)) return text;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : throw Invalid($"{name} must be a date like 2026-03-31, got '{text}'.");
    }

    /// <summary>Ids and names mixed, from a JSON array or a comma-separated string (empty entries skipped, so "1,,2"
    /// works): positive numbers are ids, anything else a name for the caller to look up; nothing is silently dropped.</summary>
    public (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) IdsOrNames(string name)
    {
        var ids = new List<int>();
        var names = new List<string>();
        foreach (var token in Tokens(name))
        {
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                if (id > 0) ids.Add(id);
                else throw Invalid($"{name} ids must be positive, got {id}.");
            }
            else names.Add(token);
        }
        return (ids, names);
    }

    /// <summary>One value that is an id when it is a number and a name otherwise.</summary>
    public static (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) IdOrName(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? ([id], []) : ([], [text]);

    private List<string> Tokens(string name)
    {
        var value = Value(name);
        if (value is null) return [];
        var element = value.Value;
        if (element.ValueKind == JsonValueKind.String)
            return [.. (element.GetString() ?? "").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)];
        if (element.ValueKind == JsonValueKind.Number) return [element.GetRawText()];
        if (element.ValueKind != JsonValueKind.Array) throw Invalid($"{name} must be an array or a comma-separated string.");
        var tokens = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            tokens.Add(item.ValueKind switch
            {
                JsonValueKind.Number => item.GetRawText(),
                JsonValueKind.String => item.GetString()!.Trim(),
                _ => throw Invalid($"{name} items must be numbers or strings, got {item.GetRawText()}."),
            });
        }
        return [.. tokens.Where(t => t.Length > 0)];
    }
}
