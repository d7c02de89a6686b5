using System.Text;
using System.Text.RegularExpressions;

namespace BacklogJira.Web.Rendering;

/// <summary>
/// Word-level differences between two texts, for the pair page: the words only in <c>from</c> are marked deleted, the
/// words only in <c>to</c> inserted, by the longest common subsequence of words (white space kept as its own tokens,
/// so lines and spacing survive). Texts too long for the quadratic table are shown as one replacement.
/// </summary>
public static partial class WordDiff
{
    public enum Kind { Same, Deleted, Inserted }

    public sealed record Part(Kind Kind, string Text);

    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<Part> Compare(string from, string to)
    {
        var a = Tokens(from);
        var b = Tokens(to);
        if ((long)a.Count * b.Count > MaxCells) return [.. Whole(Kind.Deleted, from), .. Whole(Kind.Inserted, to)];
        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var parts = new List<Part>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y]) { Add(parts, Kind.Same, a[x]); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) Add(parts, Kind.Deleted, a[x++]);
            else Add(parts, Kind.Inserted, b[y++]);
        }
        while (x < a.Count) Add(parts, Kind.Deleted, a[x++]);
        while (y < b.Count) Add(parts, Kind.Inserted, b[y++]);
        return parts;
    }

    /// <summary>The differences as HTML: <c>&lt;del&gt;</c> and <c>&lt;ins&gt;</c> around changed words, all text encoded.</summary>
    public static string ToHtml(IReadOnlyList<Part> parts)
    {
        var html = new StringBuilder("<div class=\"value diff\">");
        foreach (var part in parts)
        {
            var text = Html.E(part.Text);
            html.Append(part.Kind switch
            {
                Kind.Deleted => $"<del>{text}</del>",
                Kind.Inserted => $"<ins>{text}</ins>",
                _ => text,
            });
        }
        return html.Append("</div>").ToString();
    }

    private static IEnumerable<Part> Whole(Kind kind, string text) => text.Length == 0 ? [] : [new Part(kind, text)];

    /// <summary>Neighbouring tokens of one kind become one part (a deleted phrase reads as one).</summary>
    private static void Add(List<Part> parts, Kind kind, string token)
    {
        if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + token };
        else parts.Add(new Part(kind, token));
    }

    private static List<string> Tokens(string text) => [.. Token().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Token();
}
