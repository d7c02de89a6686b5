using System.Globalization;
using System.Text;

namespace BacklogMcp.Core.Api;

/// <summary>Query parameters in Backlog's conventions: arrays as repeated <c>name[]</c>, booleans as true/false.</summary>
public sealed class NulabQuery
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public NulabQuery Add(string name, string? value)
    {
        if (value is not null) _pairs.Add(new(name, value));
        return this;
    }

    public NulabQuery Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public NulabQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public NulabQuery AddArray(string name, IEnumerable<int> values)
    {
        foreach (var value in values) _pairs.Add(new(name + "[]", value.ToString(CultureInfo.InvariantCulture)));
        return this;
    }

    /// <summary>The encoded query with the API key first (the key is added here only, never stored in this object).</summary>
    public string Encode(string apiKey)
    {
        var builder = new StringBuilder("apiKey=").Append(Uri.EscapeDataString(apiKey));
        foreach (var (name, value) in _pairs)
            builder.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return builder.ToString();
    }
}
