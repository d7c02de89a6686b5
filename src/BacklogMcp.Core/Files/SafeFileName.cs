using System.Text;

namespace BacklogMcp.Core.Files;

/// <summary>
/// A file name from the server (Content-Disposition, an attachment's name) made safe to write: only its last path
/// segment, percent-decoding already applied by the caller, separators, control characters and characters Windows
/// forbids replaced, leading dots and trailing dots/spaces removed, reserved device names prefixed, at most 200 UTF-8
/// bytes (the extension kept). The reference server wrote <c>..%2F..%2Fescaped.txt</c> outside its folder (§0.5).
/// </summary>
public static class SafeFileName
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private const int MaxBytes = 200;

    public static string From(string? serverName, string fallback = "attachment")
    {
        var name = (serverName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '_' : c);
        name = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (name.Length == 0) name = fallback;
        var stem = Path.GetFileNameWithoutExtension(name);
        if (Reserved.Contains(stem)) name = "_" + name;
        return Shorten(name);
    }

    private static string Shorten(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxBytes) return name;
        var extension = Path.GetExtension(name);
        if (Encoding.UTF8.GetByteCount(extension) > 20) extension = "";
        var stem = name[..^extension.Length];
        while (stem.Length > 0 && Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxBytes)
            stem = stem[..^(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? 2 : 1)];
        return stem + extension;
    }
}
