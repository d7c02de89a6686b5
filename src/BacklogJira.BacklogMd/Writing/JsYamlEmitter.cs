using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Parsing;
using YamlDotNet.RepresentationModel;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>
/// Emits frontmatter values byte for byte as js-yaml 3.14 <c>safeDump</c> does through gray-matter (docs/reference/backlog-md.md §2.5), so a
/// line we write is the line the CLI would have written: plain when safe, single-quoted when ambiguous, double-quoted
/// with escapes for non-printable and astral characters, <c>|-</c> for multi-line and <c>&gt;-</c> for long lines.
/// </summary>
public static partial class JsYamlEmitter
{
    private const int LineWidth = 80;
    private const int IndentPerLevel = 2;

    private static readonly HashSet<string> DeprecatedBooleans = new(StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    };

    /// <summary>The lines of <c>key: value</c> for a string value at the top level.</summary>
    public static IReadOnlyList<string> ScalarEntry(string key, string value) =>
        SplitLines($"{key}:{Separator(Scalar(value, level: 1))}");

    /// <summary>The lines of <c>key: number</c>.</summary>
    public static IReadOnlyList<string> NumberEntry(string key, double value) =>
        [$"{key}: {FormatNumber(value)}"];

    /// <summary>The lines of a list entry: <c>key: []</c> when empty, else a block sequence indented by two.</summary>
    public static IReadOnlyList<string> ListEntry(string key, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [$"{key}: []"];
        }

        var lines = new List<string> { $"{key}:" };
        foreach (var value in values)
        {
            var dumped = Scalar(value, level: 2);
            var itemLines = SplitLines($"  -{Separator(dumped)}");
            lines.AddRange(itemLines);
        }

        return lines;
    }

    /// <summary>One scalar as js-yaml writes it at nesting <paramref name="level"/> (1 = top-level value, 2 = list item).</summary>
    public static string Scalar(string value, int level)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return "''";
        }

        if (DeprecatedBooleans.Contains(value))
        {
            return $"'{value}'";
        }

        var indent = IndentPerLevel * Math.Max(1, level);
        var width = Math.Max(Math.Min(LineWidth, 40), LineWidth - indent);
        return ChooseStyle(value, width) switch
        {
            ScalarStyle.Plain => value,
            ScalarStyle.Single => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
            ScalarStyle.Literal => "|" + BlockHeader(value) + DropEndingNewline(IndentString(value, indent)),
            ScalarStyle.Folded => ">" + BlockHeader(value) + DropEndingNewline(IndentString(FoldString(value, width), indent)),
            _ => "\"" + EscapeString(value) + "\"",
        };
    }

    private static string Separator(string dumped) => dumped.StartsWith('\n') ? dumped : " " + dumped;

    private static IReadOnlyList<string> SplitLines(string text) => text.Split('\n');

    private enum ScalarStyle
    {
        Plain,
        Single,
        Literal,
        Folded,
        Double,
    }

    private static ScalarStyle ChooseStyle(string value, int width)
    {
        var hasLineBreak = false;
        var hasFoldableLine = false;
        var previousLineBreak = -1;
        var plain = IsPlainSafeFirst(value[0]) && !IsWhitespace(value[^1]);
        int i;
        for (i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n')
            {
                hasLineBreak = true;
                hasFoldableLine = hasFoldableLine || (i - previousLineBreak - 1 > width && value[previousLineBreak + 1] != ' ');
                previousLineBreak = i;
            }
            else if (!IsPrintable(c))
            {
                return ScalarStyle.Double;
            }

            plain = plain && IsPlainSafe(c, i > 0 ? value[i - 1] : null);
        }

        hasFoldableLine = hasFoldableLine || (i - previousLineBreak - 1 > width && value[previousLineBreak + 1] != ' ');
        if (!hasLineBreak && !hasFoldableLine)
        {
            return plain && !ResolvesToAnotherType(value) ? ScalarStyle.Plain : ScalarStyle.Single;
        }

        return hasFoldableLine ? ScalarStyle.Folded : ScalarStyle.Literal;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';

    private static bool IsPrintable(char c) =>
        (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA1 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

    private static bool IsNsChar(char c) => IsPrintable(c) && !IsWhitespace(c) && c != 0xFEFF && c != '\r' && c != '\n';

    private static bool IsPlainSafe(char c, char? previous) =>
        IsPrintable(c) && c != 0xFEFF && c is not (',' or '[' or ']' or '{' or '}' or ':')
        && (c != '#' || (previous is { } p && IsNsChar(p)));

    private static bool IsPlainSafeFirst(char c) =>
        IsPrintable(c) && c != 0xFEFF && !IsWhitespace(c)
        && c is not ('-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>'
            or '\'' or '"' or '%' or '@' or '`');

    /// <summary>A plain scalar that js-yaml would read back as null, a bool, a number, a date or a merge key.</summary>
    private static bool ResolvesToAnotherType(string value) =>
        value == "<<" || JsYamlScalar.LooksLikeTimestamp(value)
        || JsYamlScalar.Resolve(new YamlScalarNode(value) { Style = YamlDotNet.Core.ScalarStyle.Plain }) is not string;

    private static string BlockHeader(string value)
    {
        var indicator = LeadingSpace().IsMatch(value) ? IndentPerLevel.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var clip = value[^1] == '\n';
        var keep = clip && (value.Length == 1 || value[^2] == '\n');
        var chomp = keep ? "+" : clip ? string.Empty : "-";
        return indicator + chomp + "\n";
    }

    private static string DropEndingNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static string IndentString(string text, int spaces)
    {
        var indent = new string(' ', spaces);
        var result = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var next = text.IndexOf('\n', position);
            var line = next < 0 ? text[position..] : text[position..(next + 1)];
            position = next < 0 ? text.Length : next + 1;
            if (line.Length > 0 && line != "\n")
            {
                result.Append(indent);
            }

            result.Append(line);
        }

        return result.ToString();
    }

    private static string FoldString(string value, int width)
    {
        var firstBreak = value.IndexOf('\n', StringComparison.Ordinal);
        firstBreak = firstBreak < 0 ? value.Length : firstBreak;
        var result = new StringBuilder(FoldLine(value[..firstBreak], width));
        var previousMoreIndented = value[0] is '\n' or ' ';
        foreach (Match match in LineAfterBreaks().Matches(value[firstBreak..]))
        {
            var prefix = match.Groups[1].Value;
            var line = match.Groups[2].Value;
            var moreIndented = line.StartsWith(' ');
            result.Append(prefix);
            if (!previousMoreIndented && !moreIndented && line.Length > 0)
            {
                result.Append('\n');
            }

            result.Append(FoldLine(line, width));
            previousMoreIndented = moreIndented;
        }

        return result.ToString();
    }

    private static string FoldLine(string line, int width)
    {
        if (line.Length == 0 || line[0] == ' ')
        {
            return line;
        }

        var result = new StringBuilder();
        int start = 0, current = 0;
        foreach (Match match in BreakOpportunity().Matches(line))
        {
            var next = match.Index;
            if (next - start > width)
            {
                var end = current > start ? current : next;
                result.Append('\n').Append(line[start..end]);
                start = end + 1;
            }

            current = next;
        }

        result.Append('\n');
        if (line.Length - start > width && current > start)
        {
            result.Append(line[start..current]).Append('\n').Append(line[(current + 1)..]);
        }
        else
        {
            result.Append(line[start..]);
        }

        return result.ToString(1, result.Length - 1);
    }

    private static string EscapeString(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                result.Append(EncodeHex(char.ConvertToUtf32(c, value[i + 1])));
                i++;
                continue;
            }

            var escape = EscapeSequence(c);
            result.Append(escape ?? (IsPrintable(c) ? c.ToString() : EncodeHex(c)));
        }

        return result.ToString();
    }

    private static string? EscapeSequence(char c) => c switch
    {
        '\0' => "\\0",
        '\a' => "\\a",
        '\b' => "\\b",
        '\t' => "\\t",
        '\n' => "\\n",
        '\v' => "\\v",
        '\f' => "\\f",
        '\r' => "\\r",
        '\u001B' => "\\e",
        '"' => "\\\"",
        '\\' => "\\\\",
        '\u0085' => "\\N",
        '\u00A0' => "\\_",
        '\u2028' => "\\L",
        '\u2029' => "\\P",
        _ => null,
    };

    private static string EncodeHex(int codePoint) => codePoint switch
    {
        <= 0xFF => "\\x" + codePoint.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "\\u" + codePoint.ToString("X4", CultureInfo.InvariantCulture),
        _ => "\\U" + codePoint.ToString("X8", CultureInfo.InvariantCulture),
    };

    private static string FormatNumber(double value) => JsYamlScalar.FormatNumber(value);

    [GeneratedRegex(@"^\n* ", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingSpace();

    [GeneratedRegex(@"(\n+)([^\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex LineAfterBreaks();

    [GeneratedRegex(@" [^ ]", RegexOptions.CultureInvariant)]
    private static partial Regex BreakOpportunity();




}
