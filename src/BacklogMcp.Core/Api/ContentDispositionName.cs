using System.Net.Http.Headers;

namespace BacklogMcp.Core.Api;

/// <summary>The file name Backlog gives a download: RFC 5987 <c>filename*=UTF-8''…</c> first, then <c>filename="…"</c>.
/// A malformed percent sequence keeps the raw text instead of failing the download (the reference threw).</summary>
public static class ContentDispositionName
{
    public static string? Parse(ContentDispositionHeaderValue? header)
    {
        if (header is null) return null;
        var star = header.Parameters.FirstOrDefault(p => string.Equals(p.Name, "filename*", StringComparison.OrdinalIgnoreCase))?.Value;
        if (star is { Length: > 0 })
        {
            var quote = star.IndexOf("''", StringComparison.Ordinal);
            var encoded = quote >= 0 ? star[(quote + 2)..] : star;
            return Decode(encoded.Trim('"'));
        }
        var plain = header.FileName?.Trim('"');
        return string.IsNullOrEmpty(plain) ? null : Decode(plain);
    }

    private static string Decode(string text)
    {
        try { return Uri.UnescapeDataString(text); }
        catch (UriFormatException) { return text; }
    }
}
