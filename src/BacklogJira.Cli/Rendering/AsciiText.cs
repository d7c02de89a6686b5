using System.Text;

namespace BacklogJira.Cli.Rendering;

/// <summary>
/// ASCII stand-ins for the symbols our output uses (FORCE_ASCII=1, or a terminal that is not UTF-8). Only our own
/// marks are replaced; task text passes through as it is (a legacy console shows what its code page can).
/// </summary>
internal static class AsciiText
{
    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['✓'] = "ok",
        ['✗'] = "x",
        ['⇄'] = "<->",
        ['→'] = "->",
        ['←'] = "<-",
        ['…'] = "...",
        ['—'] = "-",
        ['–'] = "-",
        ['≠'] = "!=",
        ['⚠'] = "!",
        ['•'] = "*",
        ['“'] = "\"",
        ['”'] = "\"",
        ['‘'] = "'",
        ['’'] = "'",
    };

    public static string Transliterate(string text)
    {
        if (!text.Any(Symbols.ContainsKey)) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Symbols.TryGetValue(c, out var replacement)) builder.Append(replacement);
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Transliterate(char c) => Symbols.TryGetValue(c, out var replacement) ? replacement : c.ToString();

    /// <summary>True when output should be ASCII: FORCE_ASCII set to 1/true, or the console's encoding is not UTF-8.</summary>
    public static bool Wanted(string? forceAscii, Encoding? consoleEncoding) =>
        forceAscii is "1" or "true" or "TRUE" or "yes" || (consoleEncoding is not null && consoleEncoding.CodePage != Encoding.UTF8.CodePage);
}

/// <summary>A writer that passes everything through <see cref="AsciiText.Transliterate(string)"/>.</summary>
internal sealed class AsciiWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(AsciiText.Transliterate(value));

    public override void Write(string? value) => inner.Write(value is null ? null : AsciiText.Transliterate(value));

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : AsciiText.Transliterate(value));

    public override Task WriteAsync(string? value) => inner.WriteAsync(value is null ? null : AsciiText.Transliterate(value));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(value is null ? null : AsciiText.Transliterate(value));

    public override void Flush() => inner.Flush();
}
