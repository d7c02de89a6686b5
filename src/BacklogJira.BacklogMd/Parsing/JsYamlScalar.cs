using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BacklogJira.BacklogMd.Parsing;

/// <summary>
/// Resolves a plain YAML scalar the way js-yaml 3.14's default safe schema does (null, bool, int, float, timestamp),
/// then turns values into strings the way the CLI's parser does (<c>String(value || "")</c>). YamlDotNet alone would
/// hand back every scalar as text, which disagrees with the CLI for <c>title: 0x1F</c> or an unquoted date.
/// </summary>
public static partial class JsYamlScalar
{
    public static object? Resolve(YamlScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = node.Value ?? string.Empty;
        if (node.Style != ScalarStyle.Plain)
        {
            return text;
        }

        if (text.Length == 0 || text is "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (text is "false" or "False" or "FALSE")
        {
            return false;
        }

        if (TryInteger(text, out var integer))
        {
            return integer;
        }

        if (FloatForm().IsMatch(text) && !text.EndsWith('_'))
        {
            return ParseFloat(text);
        }

        if (TryTimestamp(text, out var timestamp))
        {
            return timestamp;
        }

        return text;
    }

    /// <summary>js-yaml resolves by pattern alone, so <c>2026-02-30</c> counts as a timestamp when deciding quotes.</summary>
    public static bool LooksLikeTimestamp(string text) => TimestampForm().IsMatch(text);

    /// <summary>JavaScript's <c>String(value)</c> for the values <see cref="Resolve"/> returns.</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The CLI's <c>String(value || "")</c>: falsy values (null, false, 0, NaN, "") become "".</summary>
    public static string ToJsStringOrEmpty(object? value) => IsFalsy(value) ? string.Empty : ToJsString(value);

    public static bool IsFalsy(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        double d => d == 0 || double.IsNaN(d),
        _ => false,
    };

    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        return value == Math.Floor(value) && Math.Abs(value) < 1e21
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static bool TryInteger(string text, out double value)
    {
        value = 0;
        if (!IntegerForm().IsMatch(text) || text.EndsWith('_'))
        {
            return false;
        }

        var sign = 1.0;
        var body = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (body[0] is '-' or '+')
        {
            sign = body[0] == '-' ? -1 : 1;
            body = body[1..];
        }

        if (body.StartsWith("0b", StringComparison.Ordinal))
        {
            value = sign * ParseRadix(body[2..], 2);
        }
        else if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            value = sign * ParseRadix(body[2..], 16);
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            value = sign * ParseRadix(body[1..], 8);
        }
        else if (body.Contains(':', StringComparison.Ordinal))
        {
            value = sign * body.Split(':').Aggregate(0.0, (acc, part) => (acc * 60) + double.Parse(part, CultureInfo.InvariantCulture));
        }
        else
        {
            value = sign * double.Parse(body, CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static double ParseRadix(string digits, int radix) =>
        digits.Aggregate(0.0, (acc, c) => (acc * radix) + Convert.ToInt32(c.ToString(), 16));

    private static double ParseFloat(string text)
    {
        var body = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (body.EndsWith(".inf", StringComparison.Ordinal))
        {
            return body.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (body == ".nan")
        {
            return double.NaN;
        }

        if (body.Contains(':', StringComparison.Ordinal))
        {
            var sign = body.StartsWith('-') ? -1 : 1;
            return sign * body.TrimStart('-', '+').Split(':').Aggregate(0.0, (acc, part) => (acc * 60) + double.Parse(part, CultureInfo.InvariantCulture));
        }

        return double.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool TryTimestamp(string text, out DateTime value)
    {
        value = default;
        var match = TimestampForm().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        try
        {
            if (!match.Groups["hour"].Success)
            {
                value = new DateTime(Part("year"), Part("month"), Part("day"), 0, 0, 0, DateTimeKind.Utc);
                return true;
            }

            var fraction = match.Groups["fraction"].Success ? match.Groups["fraction"].Value.PadRight(3, '0')[..3] : "0";
            value = new DateTime(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"),
                int.Parse(fraction, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            if (match.Groups["tz"].Success && match.Groups["tz"].Value != "Z")
            {
                var offset = new TimeSpan(Part("tzhour"), match.Groups["tzminute"].Success ? Part("tzminute") : 0, 0);
                value = match.Groups["tzsign"].Value == "-" ? value + offset : value - offset;
            }

            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerForm();

    [GeneratedRegex(@"^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatForm();

    // js-yaml's two forms: a date alone needs two-digit month and day; with a time, one digit is enough.
    [GeneratedRegex(@"^(?:(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})|(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})(?:[Tt]|[ \t]+)(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]*))?(?:[ \t]*(?<tz>Z|(?<tzsign>[-+])(?<tzhour>[0-9]{1,2})(?::(?<tzminute>[0-9]{2}))?))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampForm();
}
