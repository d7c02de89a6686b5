using System.Text.RegularExpressions;

namespace BacklogMcp.Core.Configuration;

/// <summary>Backlog's API key travels as the <c>apiKey</c> query parameter, so every URL (and any text quoting one) is
/// redacted before it reaches a message, a log or a tool result.</summary>
public static partial class SecretRedaction
{
    public static string Redact(string text, string? apiKey = null)
    {
        var redacted = ApiKeyParameter().Replace(text, "$1***");
        return string.IsNullOrEmpty(apiKey) ? redacted : redacted.Replace(apiKey, "***", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"((?:[?&]|%3F|%26)apiKey(?:=|%3D))[^&\s""'#]*", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyParameter();
}
