using System.Text.RegularExpressions;

namespace BacklogJira.Cli.Logging;

/// <summary>Blanks every secret this run knows (registered as they are read) and credential-looking fragments out of
/// text before it is logged.</summary>
internal sealed partial class SecretRedactor
{
    private readonly Lock _gate = new();
    private readonly List<string> _secrets = [];

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4) return;
        lock (_gate)
            if (!_secrets.Contains(secret)) _secrets.Add(secret);
    }

    public string Redact(string text)
    {
        lock (_gate)
            foreach (var secret in _secrets) text = text.Replace(secret, "***", StringComparison.Ordinal);
        return Credentials().Replace(text, "$1***");
    }

    [GeneratedRegex(@"((?:Authorization:\s*(?:Basic|Bearer)\s+)|(?:[?&](?:apiKey|api_key|token|access_token)=))[^\s&""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Credentials();
}
