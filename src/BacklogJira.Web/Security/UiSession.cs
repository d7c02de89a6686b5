using System.Security.Cryptography;
using System.Text;

namespace BacklogJira.Web.Security;

/// <summary>
/// The secret of one UI run (docs/web-ui.md, "Security"): a random token printed in the address at start, as Jupyter
/// does. Opening that address once sets it as a cookie (HttpOnly, SameSite=Strict); every request needs it. Each form
/// carries <see cref="Csrf"/>, derived from the token, which another site cannot read and so cannot send.
/// </summary>
public sealed class UiSession
{
    public const string CookieName = "backlog_jira_ui";
    public const string QueryName = "token";
    public const string CsrfField = "csrf";

    private UiSession(string token)
    {
        Token = token;
        Csrf = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "csrf"u8))[..32];
    }

    public string Token { get; }

    public string Csrf { get; }

    public static UiSession Create() => new(Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>For tests and for a UI started by <c>serve</c> that hands its token on.</summary>
    public static UiSession FromToken(string token) => new(token);

    public bool IsToken(string? candidate) => Same(candidate, Token);

    public bool IsCsrf(string? candidate) => Same(candidate, Csrf);

    private static bool Same(string? candidate, string expected) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
