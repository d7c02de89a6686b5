using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Sandbox.Nulab.Http;

/// <summary>Backlog's query conventions: arrays as repeated <c>name[]</c> (brackets literal or percent-encoded, which
/// ASP.NET decodes alike), <c>+</c> as space, booleans as true/false. A bad value answers 400 with code 7.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    /// <summary>The parameter names the request carries (custom field filters are named by field id).</summary>
    public IEnumerable<string> Names => query.Keys;

    public string? Text(string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public int? Int(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw NulabApiException.Invalid($"Invalid value for '{name}': '{text}' is not a number.");
    }

    public bool? Bool(string name) => Text(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => throw NulabApiException.Invalid($"Invalid value for '{name}': '{other}' is not true or false."),
    };

    /// <summary>The values of <c>name[]</c>; empty when absent.</summary>
    public IReadOnlyList<int> Ints(string name)
    {
        if (!query.TryGetValue(name + "[]", out var values)) return [];
        var result = new List<int>(values.Count);
        foreach (var text in values)
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                throw NulabApiException.Invalid($"Invalid value for '{name}[]': '{text}' is not a number.");
            result.Add(value);
        }
        return result;
    }

    public DateTimeOffset? Date(string name)
    {
        var text = Text(name);
        if (text is null) return null;
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw NulabApiException.Invalid($"Invalid value for '{name}': '{text}' is not a date (yyyy-MM-dd).");
    }
}
