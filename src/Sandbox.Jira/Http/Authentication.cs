using System.Text;
using Microsoft.AspNetCore.Http;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Jira's authentication: Basic email:API-token on Cloud, Bearer PAT (or Basic user:token) on Data Center.
/// Failures get 401 with Jira's body and a <c>WWW-Authenticate</c> challenge.</summary>
internal static class Authentication
{
    public const string UserItem = "sandbox.user";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxState state)
    {
        var path = context.Request.Path.Value ?? "";
        // serverInfo answers anonymous callers on Jira, which is how clients detect the deployment before logging in.
        if (path.EndsWith("/serverInfo", StringComparison.OrdinalIgnoreCase) || !path.StartsWith("/rest/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var user = Authenticate(context.Request.Headers.Authorization.ToString(), state);
        if (user is null)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"protected-area\"";
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync("""{"errorMessages":["Client must be authenticated to access this resource."],"errors":{}}""");
            return;
        }
        context.Items[UserItem] = user;
        await next(context);
    }

    public static SandboxUser CurrentUser(HttpContext context) => (SandboxUser)context.Items[UserItem]!;

    private static SandboxUser? Authenticate(string header, SandboxState state)
    {
        var options = state.Options;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return state.Mode == SandboxMode.DataCenter && FixedTimeEquals(header["Bearer ".Length..].Trim(), options.Token) ? Me(state) : null;
        }
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())); }
        catch (FormatException) { return null; }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var login = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        return string.Equals(login, options.User, StringComparison.OrdinalIgnoreCase) && FixedTimeEquals(secret, options.Token) ? Me(state) : null;
    }

    private static SandboxUser Me(SandboxState state) => state.Read(data => data.Users[0]);

    private static bool FixedTimeEquals(string left, string right) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
}
