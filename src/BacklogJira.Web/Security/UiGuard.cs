using BacklogJira.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace BacklogJira.Web.Security;

/// <summary>
/// What every request passes before a page sees it (docs/web-ui.md, "Security"):
/// <list type="bullet">
/// <item>the Host header names this machine (127.0.0.1, localhost, [::1]): a page of another site that rebinds its
/// name to 127.0.0.1 is refused;</item>
/// <item>the session: the token in the address once (then a cookie, and the address without it), else refused;</item>
/// <item>a change (POST) comes from our own pages: same-origin by <c>Origin</c> and <c>Sec-Fetch-Site</c> when the
/// browser sends them, and always the form's anti-CSRF value.</item>
/// </list>
/// Answers never enter caches, frames or Referer headers (the address carries the token).
/// </summary>
public sealed class UiGuard(UiSession session)
{
    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost", "[::1]"];

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own forms. Links to Jira carry no referrer.
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";

        if (!LoopbackNames.Contains(http.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "Wrong address", "This UI answers only at 127.0.0.1 or localhost.");
            return;
        }
        if (http.Request.Query.TryGetValue(UiSession.QueryName, out var token))
        {
            if (!session.IsToken(token))
            {
                await RefuseAsync(http, StatusCodes.Status403Forbidden, "Wrong session token", "Open the address backlog-jira ui printed when it started (each start makes a new token).");
                return;
            }
            http.Response.Cookies.Append(UiSession.CookieName, session.Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
            // The address bar (and history) keeps the page without the token.
            var rest = QueryString.Create(http.Request.Query.Where(q => q.Key != UiSession.QueryName));
            http.Response.Redirect(http.Request.PathBase + http.Request.Path + rest);
            return;
        }
        if (!session.IsToken(http.Request.Cookies[UiSession.CookieName]))
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "Session needed", "Open the address backlog-jira ui printed when it started: it carries this run's session token.");
            return;
        }
        if (HttpMethods.IsPost(http.Request.Method) && await CrossSiteReasonAsync(http) is { } reason)
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "Change refused", reason);
            return;
        }
        await next();
    }

    private async Task<string?> CrossSiteReasonAsync(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
            return "The request came from another site.";
        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return "The request came from another site.";
        if (!http.Request.HasFormContentType) return "A change must be sent by a form of this UI.";
        var form = await http.Request.ReadFormAsync();
        return session.IsCsrf(form[UiSession.CsrfField]) ? null : "The form's anti-forgery value is missing or stale: reload the page and try again.";
    }

    private static Task RefuseAsync(HttpContext http, int status, string title, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(Html.Bare(title, $"<h1>{Html.E(title)}</h1><p>{Html.E(text)}</p>"));
    }
}
