using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace BacklogJira.BacklogMd.Ids;

/// <summary>
/// A Backlog.md task id with the CLI's identity rules (docs/reference/backlog-md.md §1.5): the prefix compares case-insensitively,
/// dotted numeric bodies compare segment by segment ignoring leading zeros (<c>7</c> = <c>task-007</c>),
/// and a bare number takes the prefix of whatever it is compared against.
/// </summary>
public sealed partial class TaskId
{
    private TaskId(string? prefix, string body, BigInteger[]? segments, string original)
    {
        Prefix = prefix;
        Body = body;
        Segments = segments;
        Original = original;
    }

    /// <summary>Prefix as written (no dash), or null for a bare number.</summary>
    public string? Prefix { get; }

    /// <summary>Everything after the prefix's dash, as written.</summary>
    public string Body { get; }

    /// <summary>Numeric segments when the body is dotted digits; null for legacy alphanumeric bodies.</summary>
    public IReadOnlyList<BigInteger>? Segments { get; }

    /// <summary>The spelling this id was parsed from; kept on rewrite as the CLI does.</summary>
    public string Original { get; }

    public bool IsSubtask => Segments is { Count: > 1 };

    public static bool TryParse(string? text, out TaskId id)
    {
        id = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var numeric = NumericForm().Match(trimmed);
        if (numeric.Success)
        {
            var prefix = numeric.Groups["prefix"].Success ? numeric.Groups["prefix"].Value : null;
            var body = numeric.Groups["body"].Value;
            var segments = body.Split('.').Select(s => BigInteger.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            id = new TaskId(prefix, body, segments, trimmed);
            return true;
        }

        var legacy = LegacyForm().Match(trimmed);
        if (legacy.Success)
        {
            id = new TaskId(legacy.Groups["prefix"].Value, legacy.Groups["body"].Value, null, trimmed);
            return true;
        }

        return false;
    }

    public static TaskId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a task id (expected PREFIX-N or PREFIX-N.M).");

    /// <summary>The CLI's <c>normalizeId</c>: upper-case prefix and body; bare numbers take <paramref name="defaultPrefix"/>.</summary>
    public string Normalized(string defaultPrefix = "task") =>
        $"{(Prefix ?? defaultPrefix).ToUpperInvariant()}-{Body.ToUpperInvariant()}";

    /// <summary>A key equal for exactly the ids that are identity-equal (given one default prefix for bare numbers).</summary>
    public string IdentityKey(string defaultPrefix = "task")
    {
        var prefix = (Prefix ?? defaultPrefix).ToUpperInvariant();
        var body = Segments is null
            ? Body.ToUpperInvariant()
            : string.Join('.', Segments.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        return $"{prefix}-{body}";
    }

    public bool IsSameTaskAs(TaskId other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Prefix is not null && other.Prefix is not null &&
            !string.Equals(Prefix, other.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Segments is not null && other.Segments is not null)
        {
            return Segments.SequenceEqual(other.Segments);
        }

        return Segments is null && other.Segments is null &&
               string.Equals(Body, other.Body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The parent id of a dotted subtask id (<c>TASK-3.1</c> → <c>TASK-3</c>), or null.</summary>
    public TaskId? ParentId()
    {
        if (!IsSubtask)
        {
            return null;
        }

        var lastDot = Body.LastIndexOf('.');
        var parentBody = Body[..lastDot];
        return Parse(Prefix is null ? parentBody : $"{Prefix}-{parentBody}");
    }

    public override string ToString() => Original;

    [GeneratedRegex(@"^(?:(?<prefix>[A-Za-z]+)-)?(?<body>\d+(?:\.\d+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericForm();

    [GeneratedRegex(@"^(?<prefix>[A-Za-z]+)-(?<body>[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyForm();
}
