using System.Globalization;

namespace BacklogMcp.Core.Tools;

/// <summary>A form body for Backlog's writes (form-encoded, arrays as <c>name[]</c>).</summary>
public sealed class WriteForm
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public bool IsEmpty => _fields.Count == 0;

    public WriteForm Add(string name, string? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public WriteForm Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public WriteForm Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public WriteForm AddArray(string name, IReadOnlyList<int> values)
    {
        foreach (var value in values) _fields.Add(new(name + "[]", value.ToString(CultureInfo.InvariantCulture)));
        return this;
    }
}
