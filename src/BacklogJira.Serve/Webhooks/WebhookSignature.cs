using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace BacklogJira.Serve.Webhooks;

/// <summary>
/// How Jira signs an admin webhook registered with a secret (docs/serve.md, "Security"): HMAC-SHA256 of the raw request
/// body with the secret as key, sent as <c>X-Hub-Signature: sha256=&lt;hex&gt;</c>. Checked in constant time over the
/// bytes received, before anything parses them.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Hub-Signature";
    private const string Scheme = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(ReadOnlySpan<byte> body, string? header, string secret)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var hex = header.AsSpan(Scheme.Length).Trim();
        Span<byte> given = stackalloc byte[32];
        if (hex.Length != 64 || Convert.FromHexString(hex, given, out _, out var written) != OperationStatus.Done || written != 32) return false;
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>The URL token of an unsigned (Data Center) webhook, compared through hashes so that neither its content
    /// nor its length shows in the time taken.</summary>
    public static bool TokenMatches(string? given, string expected)
    {
        if (given is null) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
