namespace BacklogJira.Jira.Configuration;

/// <summary>
/// The Jira site a <c>JIRA_URL</c> names. A context path is kept (Data Center often runs under one, e.g.
/// <c>https://host/jira</c>); a page or API address pasted from the browser (<c>…/browse/DEMO-1</c>, <c>…/rest/api/3</c>,
/// <c>…/secure/Dashboard.jspa</c>, a Cloud board's <c>…/jira/software/…</c>) is cut back to the site, with a notice that
/// says what was removed (docs/jira-rest.md, "Site address").
/// </summary>
public static class JiraSiteUrl
{
    /// <summary>Path segments that start a page or an API inside a site: everything from them on is not the site.</summary>
    private static readonly string[] PageStarts = ["browse", "rest", "secure", "projects", "issues", "plugins", "servicedesk", "wiki"];

    public sealed record Result(Uri Site, string? Notice);

    public static Result Normalize(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var keep = segments.Length;
        for (var i = 0; i < segments.Length; i++)
        {
            if (PageStarts.Contains(segments[i], StringComparer.OrdinalIgnoreCase)
                || IsCloud(url) && string.Equals(segments[i], "jira", StringComparison.OrdinalIgnoreCase))
            {
                keep = i;
                break;
            }
        }
        // Cloud sites never have a context path.
        if (IsCloud(url)) keep = 0;
        var path = keep == 0 ? "" : "/" + string.Join('/', segments.Take(keep));
        var site = new UriBuilder(url.Scheme, url.Host, url.Port, path) { Query = "", Fragment = "" }.Uri;
        var removed = url.GetLeftPart(UriPartial.Path).TrimEnd('/') != site.AbsoluteUri.TrimEnd('/') || url.Query.Length > 0 || url.Fragment.Length > 0;
        return new Result(site, removed
            ? $"JIRA_URL {url} names a page or an API, not the Jira site; using {site.AbsoluteUri.TrimEnd('/')}. Set JIRA_URL to that to silence this notice."
            : null);
    }

    private static bool IsCloud(Uri url) => url.Host.EndsWith(".atlassian.net", StringComparison.OrdinalIgnoreCase);
}
