using System.Text;

namespace BacklogMcp.Core.Formatting;

/// <summary>Lower-case and strip accents from Latin letters ("Nguyễn" → "nguyen", "Müller" → "muller") with a table
/// instead of Unicode decomposition: the server runs with invariant globalization (no ICU, faster start), where
/// <c>string.Normalize</c> does not decompose.</summary>
public static class TextFolding
{
    // Each base letter with its accented forms (Vietnamese and Western European).
    private static readonly (char Plain, string Accented)[] Groups =
    [
        ('a', "àáảãạăằắẳẵặâầấẩẫậäåā"), ('e', "èéẻẽẹêềếểễệëē"), ('i', "ìíỉĩịîïī"), ('o', "òóỏõọôồốổỗộơờớởỡợöøō"),
        ('u', "ùúủũụưừứửữựûüū"), ('y', "ỳýỷỹỵÿ"), ('d', "đ"), ('c', "ç"), ('n', "ñ"),
    ];

    private static readonly Dictionary<char, char> Map = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        foreach (var (plain, accented) in Groups)
        {
            foreach (var c in accented)
            {
                map[c] = plain;
                map[char.ToUpperInvariant(c)] = plain;
            }
        }
        return map;
    }

    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var lower = char.ToLowerInvariant(c);
            builder.Append(Map.TryGetValue(lower, out var plain) ? plain : c is >= '\uFF01' and <= '\uFF5E' ? char.ToLowerInvariant((char)(c - 0xFEE0)) : lower);
        }
        return builder.ToString();
    }
}
