using System.Diagnostics;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Mcp;
using BacklogJira.Jira.Rest;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>
/// The checks that ask Jira, in dependency order (no point asking for the project when the login failed): the
/// transport answers, the login works, the project is visible, the statuses, priorities and users the config maps to
/// exist, and this machine's clock agrees with Jira's (incremental reads depend on it).
/// </summary>
internal sealed class JiraChecks(IJiraClient jira, JiraConnectionSettings settings, SyncConfig? config, TimeProvider clock)
{
    /// <summary>Beyond this, the 10-minute overlap of incremental reads (IssueReader.Overlap) no longer covers the difference.</summary>
    public static readonly TimeSpan SkewLimit = TimeSpan.FromMinutes(10);

    private static readonly string[] BacklogPriorities = ["high", "medium", "low"];

    public static readonly TimeSpan SkewWarning = TimeSpan.FromMinutes(1);

    /// <summary>The site requests go to (the effective base URL, context path included) and how we log in.</summary>
    public static CheckResult Credentials(JiraConnectionSettings settings) => settings.UrlNotice is { } notice
        ? CheckResult.Warn("credentials", $"site {settings.BaseUrl.AbsoluteUri.TrimEnd('/')}, {settings.AuthDescription}; {notice}",
            $"Set JIRA_URL={settings.BaseUrl.AbsoluteUri.TrimEnd('/')}.")
        : CheckResult.Ok("credentials", $"site {settings.BaseUrl.AbsoluteUri.TrimEnd('/')}, {settings.AuthDescription}");

    public async Task<IReadOnlyList<CheckResult>> RunAsync(bool full, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        var (reachable, serverInfo, midpoint) = await ReachableAsync(cancellationToken);
        results.Add(reachable);
        if (reachable.Status == CheckStatus.Failed) return results;
        var auth = await TimedAsync("login", async () =>
        {
            var me = await jira.GetMyselfAsync(cancellationToken);
            return $"as {me.DisplayName}{(me.Email is null ? "" : $" <{me.Email}>")}";
        }, "Check JIRA_EMAIL/JIRA_API_TOKEN (Cloud) or JIRA_PERSONAL_TOKEN (Data Center); a new API token: https://id.atlassian.com/manage-profile/security/api-tokens");
        results.Add(auth);
        if (auth.Status == CheckStatus.Failed) return results;
        if (config is { ProjectKey.Length: > 0 })
        {
            var project = await ProjectAsync(config, cancellationToken);
            results.Add(project);
            if (project.Status == CheckStatus.Ok && jira is JiraRestClient rest) results.Add(await PermissionsAsync(rest, config, cancellationToken));
        }
        if (!full) return results;
        results.Add(ClockSkew(serverInfo, midpoint));
        if (config is null) return results;
        results.Add(await StatusesAsync(config, cancellationToken));
        results.Add(await PrioritiesAsync(config, cancellationToken));
        results.Add(await UsersAsync(config, cancellationToken));
        results.Add(await ProjectsAndTypesAsync(config, cancellationToken));
        if (config.CustomFieldRules.Count > 0) results.Add(await new CustomFieldChecks(jira, config).RunAsync(cancellationToken));
        if (config.ReadsIssueLinks && jira is JiraRestClient links) results.Add(await DependencyLinkTypeAsync(links, config, cancellationToken));
        if (config.ReadsSprints) results.Add(await SprintChecks.RunAsync(jira, config, cancellationToken));
        return results;
    }

    /// <summary>With dependencies synced, the link type they travel as must exist on the site (docs/sync.md, "Dependencies").</summary>
    private static async Task<CheckResult> DependencyLinkTypeAsync(JiraRestClient rest, SyncConfig config, CancellationToken cancellationToken)
    {
        const string name = "dependency links";
        var watch = Stopwatch.StartNew();
        try
        {
            var types = await rest.GetIssueLinkTypesAsync(cancellationToken);
            var wanted = config.DependencyLinkType;
            return types.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase)) is { Name.Length: > 0 } type
                ? CheckResult.Ok(name, $"TASK-3 depends on TASK-2 ⇔ the issue of TASK-2 {type.Outward} the issue of TASK-3 ({type.Name})", watch.Elapsed)
                : CheckResult.Fail(name, $"this Jira has no issue link type named \"{wanted}\"; it has {string.Join(", ", types.Select(t => $"\"{t.Name}\""))}",
                    "Set jira.dependencyLinkType in .backlog-jira/config.json to one of them (the default is Blocks).", watch.Elapsed);
        }
        catch (JiraException error)
        {
            return CheckResult.Warn(name, $"the link types could not be read: {error.Message}", "Check that issue linking is on in Jira's settings.");
        }
    }

    private async Task<(CheckResult, JiraServerInfo?, DateTimeOffset)> ReachableAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var before = clock.GetUtcNow();
        try
        {
            if (jira is McpJiraClient mcp)
            {
                var (server, tools) = await mcp.StartAsync(cancellationToken);
                var info = await jira.GetServerInfoAsync(cancellationToken);
                return (CheckResult.Ok("Jira through MCP", $"{server} started with {tools.Count} tools (all {McpJiraClient.RequiredTools.Length} needed present), {info.Deployment}", watch.Elapsed), info, before);
            }
            var server2 = await jira.GetServerInfoAsync(cancellationToken);
            var after = clock.GetUtcNow();
            return (CheckResult.Ok("Jira reachable", $"{server2.Deployment} {server2.Version} at {settings.BaseUrl} over REST", watch.Elapsed), server2, before + (after - before) / 2);
        }
        catch (JiraException error)
        {
            var name = jira is McpJiraClient ? "Jira through MCP" : "Jira reachable";
            var fix = error switch
            {
                JiraConfigurationException => "Fix the MCP server settings named above (config mcp, TOOLSETS, ENABLED_TOOLS).",
                JiraUnexpectedHtmlException => "JIRA_URL answers with a web page (a proxy or SSO login?): use the site's base URL, e.g. https://yourcompany.atlassian.net.",
                JiraAuthenticationException => "Check the credentials (JIRA_EMAIL/JIRA_API_TOKEN or JIRA_PERSONAL_TOKEN).",
                _ => jira is McpJiraClient ? "Run the MCP server command by hand to see why it fails, or use --transport rest." : "Check JIRA_URL, the network and any proxy (HTTPS_PROXY).",
            };
            return (CheckResult.Fail(name, error.Message, fix, watch.Elapsed), null, before);
        }
    }

    private async Task<CheckResult> ProjectAsync(SyncConfig config, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var project = await jira.GetProjectAsync(config.ProjectKey, cancellationToken);
            var name = project.Name.Length > 0 ? $" ({project.Name})" : "";
            if (project.IssueTypes.Count > 0 && !project.IssueTypes.Contains(config.IssueType, StringComparer.OrdinalIgnoreCase))
                return CheckResult.Fail("project", $"{project.Key}{name} has no issue type \"{config.IssueType}\"; it has {string.Join(", ", project.IssueTypes)}",
                    $"Set jira.issueType to one of: {string.Join(", ", project.IssueTypes)}.", watch.Elapsed);
            var types = project.IssueTypes.Count > 0 ? $", issue types {string.Join(", ", project.IssueTypes)}" : "";
            return CheckResult.Ok("project", $"{project.Key}{name} visible{types}", watch.Elapsed);
        }
        catch (JiraException error) when (error is JiraNotFoundException or JiraPermissionException or JiraRequestRejectedException)
        {
            return CheckResult.Fail("project", $"{config.ProjectKey}: {error.Message}", "Check jira.projectKey (the key, e.g. PROJ, not the name) and that this user can browse the project.", watch.Elapsed);
        }
    }

    /// <summary>What a sync does in the project: browse, create, edit, transition, assign, comment; link, when the
    /// task's references or dependencies travel as links; edit its own comments, when comments travel.</summary>
    private static string[] SyncPermissions(SyncConfig config) =>
        ["BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES", "TRANSITION_ISSUES", "ASSIGN_ISSUES", "ADD_COMMENTS",
            .. config.ReadsRemoteLinks || config.ReadsIssueLinks ? ["LINK_ISSUES"] : Array.Empty<string>(), .. config.ReadsComments ? ["EDIT_OWN_COMMENTS"] : Array.Empty<string>()];

    private static async Task<CheckResult> PermissionsAsync(JiraRestClient rest, SyncConfig config, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var wanted = SyncPermissions(config);
        try
        {
            var granted = await rest.GetMyPermissionsAsync(config.ProjectKey, wanted, cancellationToken);
            var missing = granted.Where(p => !p.Value).Select(p => p.Key).ToList();
            return missing.Count == 0
                ? CheckResult.Ok("permissions", $"{string.Join(", ", wanted.Select(p => p.ToLowerInvariant().Replace('_', ' ')))} in {config.ProjectKey}", watch.Elapsed)
                : CheckResult.Fail("permissions", $"missing in {config.ProjectKey}: {string.Join(", ", missing)}", "Ask a Jira admin to grant them to this user in the project's permission scheme.", watch.Elapsed);
        }
        catch (JiraException error)
        {
            return CheckResult.Warn("permissions", $"could not be read: {error.Message}", "Check them by hand in the project's permission scheme.");
        }
    }

    private CheckResult ClockSkew(JiraServerInfo? info, DateTimeOffset localMidpoint)
    {
        if (info?.ServerTime is not { } serverTime)
            return CheckResult.Skip("clock", jira is McpJiraClient ? "Jira's time is not available through MCP" : "Jira did not report its time");
        var skew = serverTime - localMidpoint;
        var text = $"this machine is {Math.Abs(skew.TotalSeconds):0} s {(skew > TimeSpan.Zero ? "behind" : "ahead of")} Jira";
        if (skew.Duration() > SkewLimit)
            return CheckResult.Fail("clock", text, $"Incremental reads would miss edits: set the clock right (NTP), or run sync with --full until it is.");
        return skew.Duration() > SkewWarning
            ? CheckResult.Warn("clock", text, "Set the clock right (NTP); above 10 minutes incremental reads miss edits.")
            : CheckResult.Ok("clock", text);
    }

    /// <summary>Every Jira project of <c>jira.projectMap</c> is visible, and has the issue types <c>backlog.typeMapping</c>
    /// (with its defaults) names, for the Backlog types the Backlog.md project uses.</summary>
    private async Task<CheckResult> ProjectsAndTypesAsync(SyncConfig config, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var problems = new List<string>();
        var fixes = new List<string>();
        foreach (var key in config.JiraProjects)
        {
            JiraProject project;
            try { project = await jira.GetProjectAsync(key, cancellationToken); }
            catch (JiraException error) when (error is JiraNotFoundException or JiraPermissionException or JiraRequestRejectedException)
            {
                problems.Add($"{key}: {error.Message}");
                fixes.Add($"Check the key {key} in jira.projectMap and that this user can browse it.");
                continue;
            }
            if (project.IssueTypes.Count == 0) continue;
            var missing = config.IssueTypes.BacklogToJira.Where(p => !project.IssueTypes.Contains(p.Value, StringComparer.OrdinalIgnoreCase))
                .Select(p => $"{p.Key} → {p.Value}").ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{key} has no issue type for {string.Join(", ", missing)} (it has {string.Join(", ", project.IssueTypes)}); such tasks are created as {config.IssueType}");
                fixes.Add($"Map those types to issue types {key} has in backlog.typeMapping.");
            }
        }
        var projects = string.Join(", ", config.JiraProjects);
        return problems.Count == 0
            ? CheckResult.Ok("projects and types", $"{projects}: visible, with every mapped issue type", watch.Elapsed)
            : CheckResult.Warn("projects and types", string.Join("; ", problems), string.Join(" ", fixes.Distinct()));
    }

    private async Task<CheckResult> StatusesAsync(SyncConfig config, CancellationToken cancellationToken)
    {
        if (jira is McpJiraClient) return CheckResult.Skip("status mapping", "Jira's status list is not available through MCP");
        // The project's own workflow when Jira lists it, else every status of the site.
        var known = (jira is JiraRestClient rest ? await rest.GetProjectStatusesAsync(config.ProjectKey, config.IssueType, cancellationToken) : null) is { Count: > 0 } workflow
            ? workflow
            : await jira.GetStatusesAsync(cancellationToken);
        var names = known.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unmatched = config.Statuses.BacklogToJira.Where(m => !m.Value.Any(names.Contains)).ToList();
        if (unmatched.Count > 0)
            return CheckResult.Fail("status mapping", string.Join("; ", unmatched.Select(m => $"Backlog \"{m.Key}\" maps to {string.Join(", ", m.Value.Select(v => $"\"{v}\""))}, none of which exists in Jira")),
                $"Edit backlog.statusMapping in .backlog-jira/config.json; Jira's statuses: {string.Join(", ", known.Select(s => s.Name).Order())}.");
        return CheckResult.Ok("status mapping", $"{config.Statuses.BacklogToJira.Count} Backlog statuses each map to an existing Jira status");
    }

    private async Task<CheckResult> PrioritiesAsync(SyncConfig config, CancellationToken cancellationToken)
    {
        if (jira is McpJiraClient) return CheckResult.Skip("priority mapping", "Jira's priority list is not available through MCP");
        var known = (await jira.GetPrioritiesAsync(cancellationToken)).Select(p => p.Name).ToList();
        var unmatched = BacklogPriorities.Where(p => config.Priorities.ToJira(p, config.ProjectKey, known) is null).ToList();
        if (unmatched.Count > 0)
            return CheckResult.Fail("priority mapping", $"no Jira priority for Backlog {string.Join(", ", unmatched)}",
                $"Add backlog.priorityMapping.backlogToJira in config.json; Jira's priorities: {string.Join(", ", known)}.");
        return CheckResult.Ok("priority mapping", $"high, medium and low each map to a Jira priority ({string.Join(", ", known)})");
    }

    private async Task<CheckResult> UsersAsync(SyncConfig config, CancellationToken cancellationToken)
    {
        var mapped = config.Assignees.HandleToJira;
        if (mapped.Count == 0) return CheckResult.Ok("assignee mapping", "none configured (assignees are not synced until 'backlog-jira map-assignees add')");
        var missing = new List<string>();
        foreach (var (handle, jiraUser) in mapped)
            if (await jira.FindUserAsync(jiraUser, cancellationToken) is null) missing.Add($"@{handle} → {jiraUser}");
        return missing.Count == 0
            ? CheckResult.Ok("assignee mapping", $"{mapped.Count} mapped user(s) found in Jira")
            : CheckResult.Fail("assignee mapping", $"not found in Jira: {string.Join(", ", missing)}", "Fix them with 'backlog-jira map-assignees add @handle <email or account id> --force', or remove them.");
    }

    private static async Task<CheckResult> TimedAsync(string name, Func<Task<string>> check, string fix)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return CheckResult.Ok(name, await check(), watch.Elapsed);
        }
        catch (JiraException error)
        {
            return CheckResult.Fail(name, error.Message, fix, watch.Elapsed);
        }
    }
}
