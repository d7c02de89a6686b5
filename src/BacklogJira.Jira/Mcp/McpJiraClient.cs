using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// <see cref="IJiraClient"/> through an MCP Atlassian server (sooperset/mcp-atlassian's tools, docs/reference/jira.md §1),
/// for teams whose policy routes Jira access through it. Behaves like the REST client where the server allows; where
/// it loses information this client makes the extra call that gets it exactly (descriptions always from
/// <c>jira_get_issue</c>, never from search's plain-text flattening) or says what it cannot do (docs/mcp-transport.md).
/// </summary>
public sealed class McpJiraClient : IJiraClient, IAsyncDisposable, IDisposable
{
    /// <summary>The tools every sync needs; a server without one of them is refused at start, naming it.</summary>
    public static readonly string[] RequiredTools =
    [
        "jira_get_issue", "jira_search", "jira_create_issue", "jira_update_issue", "jira_assign_issue",
        "jira_get_transitions", "jira_transition_issue", "jira_get_user_profile",
    ];

    private const int SearchPageSize = 50;

    private readonly McpToolSession _session;
    private readonly JiraConnectionSettings _settings;
    private readonly McpJiraOptions _options;
    private readonly McpDescriptionEchoes _echoes;
    private readonly JiraDeployment _deployment;
    private readonly ConcurrentDictionary<string, JiraStatus> _statuses = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, JiraPriority> _priorities = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, JiraStatus> _learnedTargets = new(StringComparer.Ordinal);
    private readonly Users.UserLookupMemo _users;

    public McpJiraClient(JiraConnectionSettings settings, McpJiraOptions options, IDictionary? environment = null, TimeProvider? clock = null, ILogger? logger = null)
    {
        _settings = settings;
        _users = new Users.UserLookupMemo(clock ?? TimeProvider.System);
        _options = options;
        _echoes = new McpDescriptionEchoes(options.EchoFolder);
        _deployment = settings.Deployment ?? DeploymentFromUrl(settings.BaseUrl);
        _session = new McpToolSession(options.Launch, settings, environment ?? Environment.GetEnvironmentVariables(), RequiredTools,
            clock ?? TimeProvider.System, logger ?? NullLogger.Instance);
        // Jira's default priorities, for servers that cannot list them; names seen on issues are added as they come.
        foreach (var name in new[] { "Highest", "High", "Medium", "Low", "Lowest" }) _priorities[name] = new JiraPriority(name, name);
    }

    public bool StoresIssueProperties => false;

    /// <summary>mcp-atlassian simplifies custom field values (options to text, users to names): docs/reference/jira.md §1.3.</summary>
    public bool ReadsCustomFields => false;

    /// <summary>Tool calls sent to the server so far.</summary>
    public int ToolCalls => _session.Calls;

    /// <summary>mcp-atlassian's own rule (docs/reference/jira.md §1.1): Cloud only for Atlassian host names.</summary>
    public static JiraDeployment DeploymentFromUrl(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        string[] cloud = [".atlassian.net", ".jira.com", ".jira-dev.com", ".atlassian.com"];
        return cloud.Any(host.EndsWith) || host == "api.atlassian.com" ? JiraDeployment.Cloud : JiraDeployment.DataCenter;
    }

    /// <summary>Starts the server and checks its tools; <c>doctor</c> and <c>connect</c> call it to prove the transport.</summary>
    public async Task<(string Server, IReadOnlySet<string> Tools)> StartAsync(CancellationToken cancellationToken)
    {
        await _session.EnsureStartedAsync(cancellationToken);
        return (_session.ServerName, _session.Tools);
    }

    public async Task<JiraServerInfo> GetServerInfoAsync(CancellationToken cancellationToken)
    {
        await _session.EnsureStartedAsync(cancellationToken);
        return new JiraServerInfo(_settings.BaseUrl.ToString(), $"via MCP ({_session.ServerName})", _deployment, null);
    }

    public async Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken) =>
        await FindUserAsync("me", cancellationToken) ?? throw new JiraAuthenticationException("jira_get_user_profile found no user for \"me\"; check the credentials given to the MCP server.");

    /// <summary>Whether the project is visible, by a one-issue search (mcp-atlassian's project list tool answers with
    /// every project; a search also proves the user may browse it). Name and issue types are not known this way.</summary>
    public async Task<JiraProject> GetProjectAsync(string projectKey, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("jira_search", new() { ["jql"] = $"project = \"{projectKey.Replace("\"", "", StringComparison.Ordinal)}\"", ["fields"] = "updated", ["limit"] = 1 }, true, cancellationToken);
        }
        catch (JiraRequestRejectedException error)
        {
            throw new JiraNotFoundException($"Project {projectKey} is not visible through the MCP server ({error.Message}).");
        }
        return new JiraProject("", projectKey, "", []);
    }

    /// <summary><c>jira_get_all_projects</c> (an array of project objects; failures are tool errors).</summary>
    public async Task<IReadOnlyList<JiraProject>> GetProjectsAsync(CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_get_all_projects", [], true, cancellationToken);
        var list = json as JsonArray ?? json?["projects"] as JsonArray ?? throw new JiraException("jira_get_all_projects did not answer with a list of projects.");
        return [.. list.Select(p => new JiraProject(McpIssueReader.Text(p?["id"]) ?? "", McpIssueReader.Text(p?["key"]) ?? "", McpIssueReader.Text(p?["name"]) ?? "", []))];
    }

    public async Task<JiraIssue?> GetIssueAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var json = await CallAsync("jira_get_issue", new() { ["issue_key"] = key, ["fields"] = McpIssueReader.IssueFields, ["comment_limit"] = 0, ["update_history"] = false }, true, cancellationToken);
            if (json is null) return null;
            var issue = McpIssueReader.Issue(json, _deployment);
            return Remember(issue with { Description = _echoes.Restore(issue.Id, McpTextDialect.Incoming(issue.Description)) });
        }
        catch (JiraNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<JiraIssue>> GetIssuesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        (await ReadIssuesAsync(keys, null, cancellationToken)).Issues;

    /// <summary>Which keys changed comes from <c>jira_search</c> (same epoch-ms JQL as REST); their content from
    /// <c>jira_get_issue</c>, since search flattens descriptions to plain text.</summary>
    public async Task<JiraIssueRead> ReadIssuesAsync(IReadOnlyCollection<string> keys, DateTimeOffset? updatedSince, CancellationToken cancellationToken)
    {
        var since = updatedSince is { } bound ? $" AND updated >= {bound.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}" : "";
        var batchSize = updatedSince is null ? _settings.KeyBatchSize : _settings.ChangedKeyBatchSize;
        var found = new List<string>();
        var missing = new List<string>();
        foreach (var batch in keys.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(Math.Max(1, batchSize)))
        {
            var remaining = batch.ToList();
            while (remaining.Count > 0)
            {
                var jql = $"key in ({string.Join(", ", remaining.Select(k => "\"" + k.Replace("\"", "", StringComparison.Ordinal) + "\""))}){since}";
                try
                {
                    found.AddRange(await SearchKeysAsync(jql, cancellationToken));
                    break;
                }
                catch (JiraRequestRejectedException error)
                {
                    var unknown = remaining.Where(k => error.ErrorMessages.Any(m => McpToolFailure.IsMissingKeyMessage(m) && m.Contains($"'{k}'", StringComparison.OrdinalIgnoreCase))).ToList();
                    if (unknown.Count == 0) throw;
                    missing.AddRange(unknown);
                    remaining.RemoveAll(unknown.Contains);
                }
            }
        }
        var issues = await Task.WhenAll(found.Select(key => GetIssueAsync(key, cancellationToken)));
        missing.AddRange(found.Where((_, i) => issues[i] is null));
        return new JiraIssueRead([.. issues.OfType<JiraIssue>()], missing);
    }

    public async Task<IReadOnlyList<JiraIssue>> SearchAsync(string jql, CancellationToken cancellationToken)
    {
        var keys = await SearchKeysAsync(jql, cancellationToken);
        var issues = await Task.WhenAll(keys.Select(key => GetIssueAsync(key, cancellationToken)));
        return [.. issues.OfType<JiraIssue>()];
    }

    /// <summary>Every key the JQL finds, following <c>next_page_token</c> on Cloud and <c>start_at</c> on Data Center
    /// (never trusting <c>total</c>, which Cloud reports as -1).</summary>
    private async Task<List<string>> SearchKeysAsync(string jql, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? token = null;
        while (true)
        {
            var arguments = new Dictionary<string, object?> { ["jql"] = jql, ["fields"] = "updated", ["limit"] = SearchPageSize, ["start_at"] = keys.Count };
            if (token is not null) arguments["page_token"] = token;
            var page = await CallAsync("jira_search", arguments, true, cancellationToken) ?? new JsonObject();
            var issues = page["issues"] as JsonArray ?? throw new JiraException("jira_search answered without an \"issues\" list.");
            var fresh = issues.Select(i => McpIssueReader.Text(i?["key"])).OfType<string>().Where(seen.Add).ToList();
            keys.AddRange(fresh);
            token = McpIssueReader.Text(page["next_page_token"]);
            // A page with nothing new ends it too, whichever way the server pages (a Cloud server ignores start_at).
            var more = fresh.Count > 0 && (token is not null || issues.Count >= SearchPageSize);
            if (!more) return keys;
        }
    }

    /// <summary>Issue properties cannot be set through mcp-atlassian, so <see cref="JiraIssueDraft.Properties"/> are not
    /// sent; create-issue recognises its own issue after a crash by summary and creator instead.</summary>
    public async Task<JiraIssueRef> CreateIssueAsync(JiraIssueDraft draft, CancellationToken cancellationToken)
    {
        var additional = new JsonObject();
        if (draft.PriorityName is not null) additional["priority"] = new JsonObject { ["name"] = draft.PriorityName };
        if (draft.Labels.Count > 0) additional["labels"] = new JsonArray([.. draft.Labels.Select(l => (JsonNode?)l)]);
        if (draft.ParentKey is not null) additional["parent"] = draft.ParentKey;
        if (draft.DueDate is not null) additional["duedate"] = draft.DueDate;
        if (draft.Reporter is not null) additional["reporter"] = UserIdentifier(draft.Reporter);
        if (draft.FixVersions.Count > 0) additional["fixVersions"] = new JsonArray([.. draft.FixVersions.Select(v => (JsonNode?)v)]);
        var arguments = new Dictionary<string, object?>
        {
            ["project_key"] = draft.ProjectKey,
            ["summary"] = draft.Summary,
            ["issue_type"] = draft.IssueType,
        };
        if (!string.IsNullOrEmpty(draft.Description)) arguments["description"] = McpTextDialect.Outgoing(draft.Description);
        if (draft.Assignee is not null) arguments["assignee"] = UserIdentifier(draft.Assignee);
        if (additional.Count > 0) arguments["additional_fields"] = additional.ToJsonString();
        var json = await CallAsync("jira_create_issue", arguments, false, cancellationToken);
        var issue = json?["issue"] ?? throw new JiraException("jira_create_issue answered without the created issue; look in Jira before running create-issue again.");
        var key = McpIssueReader.Text(issue["key"]) ?? throw new JiraException("jira_create_issue answered without an issue key.");
        var id = McpIssueReader.Text(issue["id"]) ?? "";
        // Create echoes wiki markup, not what a read gives: read the description once to learn its echo.
        if (!string.IsNullOrEmpty(draft.Description) && id.Length > 0) await RememberEchoAsync(id, key, draft.Description, cancellationToken);
        return new JiraIssueRef(id, key, "");
    }

    /// <summary>Fields through <c>jira_update_issue</c> (whose failures come back as a successful answer listing
    /// <c>operations_failed</c>), the assignee through <c>jira_assign_issue</c>, as mcp-atlassian's maintainers advise.</summary>
    public async Task UpdateIssueAsync(string key, JiraIssueUpdate update, CancellationToken cancellationToken)
    {
        var fields = new JsonObject();
        if (update.Summary is not null) fields["summary"] = update.Summary;
        if (update.ChangeDescription) fields["description"] = string.IsNullOrEmpty(update.Description) ? null : McpTextDialect.Outgoing(update.Description);
        if (update.Labels is not null) fields["labels"] = new JsonArray([.. update.Labels.Select(l => (JsonNode?)l)]);
        if (update.PriorityName is not null) fields["priority"] = new JsonObject { ["name"] = update.PriorityName };
        if (update.ChangeDueDate) fields["duedate"] = update.DueDate;
        if (update.IssueTypeName is not null) fields["issuetype"] = new JsonObject { ["name"] = update.IssueTypeName };
        if (update.Reporter is not null) fields["reporter"] = UserIdentifier(update.Reporter);
        if (update.FixVersions is not null) fields["fixVersions"] = new JsonArray([.. update.FixVersions.Select(v => (JsonNode?)v)]);
        if (update.ChangeParent) fields["parent"] = update.ParentKey is null ? null : new JsonObject { ["key"] = update.ParentKey };
        if (update.ChangeEpic) throw new JiraException("The MCP transport cannot set Data Center's Epic Link; set it in Jira.");
        if (fields.Count > 0)
        {
            var json = await CallAsync("jira_update_issue", new() { ["issue_key"] = key, ["fields"] = fields.ToJsonString(), ["return_fields"] = "updated,description" }, true, cancellationToken);
            var failed = (json?["operations_failed"] as JsonArray ?? []).Select(f => McpIssueReader.Text(f)).OfType<string>().ToList();
            var message = McpIssueReader.Text(json?["message"]);
            if (failed.Count > 0 || message == "Issue update failed")
                throw new JiraRequestRejectedException($"jira_update_issue did not update {key}: {(failed.Count > 0 ? string.Join("; ", failed) : message)}", failed, new Dictionary<string, string>());
            // The answer carries the issue as a read gives it: its description is the echo of what was written.
            if (update.ChangeDescription && McpIssueReader.Text(json?["issue"]?["id"]) is { Length: > 0 } id)
                await _echoes.RememberAsync(id, update.Description ?? "", McpTextDialect.Incoming(McpIssueReader.Text(json?["issue"]?["description"]) ?? ""), cancellationToken);
        }
        if (update.ChangeAssignee)
            await CallAsync("jira_assign_issue", new() { ["issue_key"] = key, ["assignee"] = update.Assignee is null ? null : UserIdentifier(update.Assignee) }, true, cancellationToken);
    }

    public Task<JiraRefusal?> TryUpdateIssueAsync(string key, JiraIssueUpdate update, CancellationToken cancellationToken) =>
        JiraRequestRejectedException.RefusalOfAsync(() => UpdateIssueAsync(key, update, cancellationToken));

    public async Task<IReadOnlyList<JiraTransition>> GetTransitionsAsync(string key, CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_get_transitions", new() { ["issue_key"] = key }, true, cancellationToken);
        var list = json as JsonArray ?? json?["transitions"] as JsonArray ?? [];
        var project = McpIssueReader.ProjectOf(key);
        var transitions = new List<JiraTransition>();
        foreach (var item in list)
        {
            var id = McpIssueReader.Text(item?["id"]);
            var name = McpIssueReader.Text(item?["name"]) ?? "";
            if (id is null) continue;
            var serverTarget = McpIssueReader.Text(item?["to_status"]) ?? McpIssueReader.Text(item?["to"]?["name"]) ?? McpIssueReader.Text(item?["to"]);
            var target = McpTransitionTargets.Resolve(name, serverTarget, _options.TransitionTargets, _learnedTargets.GetValueOrDefault(project + "/" + id), _statuses);
            if (target is null) continue;
            // The server does not list screen fields; a move into a done status usually needs a resolution, so it is
            // offered here (the writer fills it from jira.transitionFields) and TransitionAsync copes when the screen differs.
            IReadOnlyList<JiraTransitionField> fields = target.CategoryKey == "done" ? [new JiraTransitionField("resolution", "Resolution", true, ["Done"])] : [];
            transitions.Add(new JiraTransition(id, name, target, fields));
        }
        return transitions;
    }

    /// <summary>Screen fields are guessed (see <see cref="GetTransitionsAsync"/>): when Jira refuses the resolution as
    /// not on the screen it is dropped, and when Jira asks for one it is added (<c>jira.transitionFields.resolution</c>, else Done).</summary>
    public async Task TransitionAsync(string key, string transitionId, IReadOnlyDictionary<string, string> fieldValues, CancellationToken cancellationToken)
    {
        JsonNode? json;
        try
        {
            json = await TransitionCallAsync(key, transitionId, fieldValues, cancellationToken);
        }
        catch (JiraRequestRejectedException error) when (error.Message.Contains("resolution", StringComparison.OrdinalIgnoreCase))
        {
            var retry = fieldValues.ContainsKey("resolution")
                ? fieldValues.Where(f => f.Key != "resolution").ToDictionary()
                : new Dictionary<string, string>(fieldValues) { ["resolution"] = _options.Resolution };
            json = await TransitionCallAsync(key, transitionId, retry, cancellationToken);
        }
        if (json?["issue"]?["status"] is { } status && McpIssueReader.Status(status) is { } reached)
        {
            _statuses[reached.Name] = reached;
            _learnedTargets[McpIssueReader.ProjectOf(key) + "/" + transitionId] = reached;
        }
    }

    private Task<JsonNode?> TransitionCallAsync(string key, string transitionId, IReadOnlyDictionary<string, string> fieldValues, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, object?> { ["issue_key"] = key, ["transition_id"] = transitionId };
        if (fieldValues.Count > 0)
            arguments["fields"] = new JsonObject(fieldValues.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject { ["name"] = f.Value }))).ToJsonString();
        return CallAsync("jira_transition_issue", arguments, false, cancellationToken);
    }

    public Task<JiraUser?> FindUserAsync(string query, CancellationToken cancellationToken) =>
        _users.GetAsync(query, q => LookUpUserAsync(q, cancellationToken));

    /// <summary><c>jira_get_user_profile</c> reports its failures inside a successful answer (<c>{"success": false}</c>,
    /// docs/reference/jira.md §1.2 style 2): "not found" is no user; anything else is an error.</summary>
    private async Task<JiraUser?> LookUpUserAsync(string query, CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_get_user_profile", new() { ["user_identifier"] = query }, true, cancellationToken) ?? new JsonObject();
        if (json["success"]?.GetValue<bool>() == true) return McpIssueReader.User(json["user"], _deployment);
        var error = McpIssueReader.Text(json["error"]) ?? "no reason given";
        if (error.Contains("not found", StringComparison.OrdinalIgnoreCase)) return null;
        throw new JiraException($"jira_get_user_profile could not look up \"{query}\": {error}");
    }

    public Task<IReadOnlyList<JiraPriority>> GetPrioritiesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JiraPriority>>([.. _priorities.Values]);

    /// <summary>The statuses met so far in this run (on issues and after transitions): mcp-atlassian has no status list.</summary>
    public Task<IReadOnlyList<JiraStatus>> GetStatusesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JiraStatus>>([.. _statuses.Values]);

    public async Task<IReadOnlyList<JiraField>> GetFieldsAsync(CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_search_fields", new() { ["keyword"] = "", ["limit"] = 1000 }, true, cancellationToken) as JsonArray ?? [];
        return [.. json.Select(f => new JiraField(McpIssueReader.Text(f?["id"]) ?? "", McpIssueReader.Text(f?["name"]) ?? "",
            f?["custom"]?.GetValue<bool>() == true, McpIssueReader.Text(f?["schema"]?["type"])))];
    }

    public async Task<IReadOnlyList<JiraVersion>> GetVersionsAsync(string projectKey, CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_get_project_versions", new() { ["project_key"] = projectKey }, true, cancellationToken) as JsonArray ?? [];
        return [.. json.OfType<JsonObject>().Select(Version)];
    }

    /// <summary>jira_create_version reports a failure inside a successful answer (<c>{"success": false, "error"}</c>).</summary>
    public async Task<JiraVersion> CreateVersionAsync(string projectKey, string name, CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_create_version", new() { ["project_key"] = projectKey, ["name"] = name }, false, cancellationToken) as JsonObject ?? [];
        if (json["success"]?.GetValueKind() == System.Text.Json.JsonValueKind.False)
            throw new JiraRequestRejectedException($"jira_create_version did not create version \"{name}\" in {projectKey}: {McpIssueReader.Text(json["error"])}", [], new Dictionary<string, string>());
        return Version(json);
    }

    private static JiraVersion Version(JsonObject json) =>
        new(McpIssueReader.Text(json["id"]) ?? "", McpIssueReader.Text(json["name"]) ?? "",
            json["released"]?.GetValueKind() == System.Text.Json.JsonValueKind.True, json["archived"]?.GetValueKind() == System.Text.Json.JsonValueKind.True);

    public async Task<IReadOnlyList<JiraComment>> GetCommentsAsync(string key, CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_get_issue", new() { ["issue_key"] = key, ["fields"] = "comment", ["comment_limit"] = 100, ["update_history"] = false }, true, cancellationToken);
        return [.. (json?["comments"] as JsonArray ?? []).Select(Comment)];
    }

    public async Task<JiraComment> AddCommentAsync(string key, string markdown, CancellationToken cancellationToken) =>
        Comment(await CallAsync("jira_add_comment", new() { ["issue_key"] = key, ["body"] = markdown }, false, cancellationToken));

    public bool ReadsComments => false;

    public bool ReadsIssueLinks => false;

    public bool WritesEpicLink => false;

    public bool ReadsSprints => false;

    private const string NoSprints = "Milestones as sprints need the REST transport: the MCP Atlassian server's issue answers carry no sprint ids; use jira.transport \"rest\".";

    public Task<IReadOnlyList<JiraSprint>> GetOpenSprintsAsync(string projectKey, bool fresh, CancellationToken cancellationToken) => throw new JiraException(NoSprints);

    public Task MoveToSprintAsync(long sprintId, string key, CancellationToken cancellationToken) => throw new JiraException(NoSprints);

    public Task MoveToBacklogAsync(string key, CancellationToken cancellationToken) => throw new JiraException(NoSprints);

    public Task<IReadOnlyList<JiraIssueLink>> GetIssueLinksAsync(string key, CancellationToken cancellationToken) =>
        throw new JiraException("Issue links are not synced through the MCP transport; use jira.transport \"rest\" for them.");

    public Task CreateIssueLinkAsync(string typeName, string fromKey, string toKey, CancellationToken cancellationToken) =>
        throw new JiraException("Issue links are not synced through the MCP transport; use jira.transport \"rest\" for them.");

    public Task DeleteIssueLinkAsync(string linkId, CancellationToken cancellationToken) =>
        throw new JiraException("Issue links are not synced through the MCP transport; use jira.transport \"rest\" for them.");

    public Task UpdateCommentAsync(string key, string commentId, string markdown, CancellationToken cancellationToken) =>
        CallAsync("jira_edit_comment", new() { ["issue_key"] = key, ["comment_id"] = commentId, ["body"] = markdown }, false, cancellationToken);

    private JiraComment Comment(JsonNode? json)
    {
        var author = json?["author"] is JsonValue name
            ? new JiraUser(null, null, null, McpIssueReader.Text(name) ?? "", null, true, null)
            : McpIssueReader.User(json?["author"], _deployment);
        var created = McpIssueReader.Timestamp(McpIssueReader.Text(json?["created"])) ?? default;
        return new JiraComment(McpIssueReader.Text(json?["id"]) ?? "", McpIssueReader.Text(json?["body"]) ?? "", author, created,
            McpIssueReader.Timestamp(McpIssueReader.Text(json?["updated"])) ?? created);
    }

    public bool ReadsRemoteLinks => false;

    public Task<IReadOnlyList<JiraRemoteLink>> GetRemoteLinksAsync(string key, CancellationToken cancellationToken) =>
        throw new JiraException("Remote links are not read through the MCP transport; use jira.transport \"rest\" for them.");

    public Task DeleteRemoteLinkAsync(string key, string linkId, CancellationToken cancellationToken) =>
        throw new JiraException("Remote links are not deleted through the MCP transport; use jira.transport \"rest\" for them.");

    public Task UpsertRemoteLinkAsync(string key, JiraRemoteLink link, CancellationToken cancellationToken) =>
        throw new JiraException("Remote links are not written through the MCP transport; use jira.transport \"rest\" for them.");

    public Task<JsonNode?> GetIssuePropertyAsync(string key, string propertyKey, CancellationToken cancellationToken) =>
        Task.FromResult<JsonNode?>(null);

    public Task SetIssuePropertyAsync(string key, string propertyKey, JsonNode value, CancellationToken cancellationToken) =>
        throw new JiraException("mcp-atlassian has no tool that sets issue properties; use jira.transport \"rest\" for them.");

    private async Task RememberEchoAsync(string id, string key, string written, CancellationToken cancellationToken)
    {
        var json = await CallAsync("jira_get_issue", new() { ["issue_key"] = key, ["fields"] = "description", ["comment_limit"] = 0, ["update_history"] = false }, true, cancellationToken);
        await _echoes.RememberAsync(id, written, McpTextDialect.Incoming(McpIssueReader.Text(json?["description"]) ?? ""), cancellationToken);
    }

    private JiraIssue Remember(JiraIssue issue)
    {
        if (issue.Status.Name.Length > 0) _statuses[issue.Status.Name] = issue.Status;
        if (issue.Priority is { } priority) _priorities[priority.Name] = priority;
        return issue;
    }

    private string UserIdentifier(JiraUser user) =>
        (_deployment == JiraDeployment.Cloud ? user.AccountId : user.Name ?? user.Key) ?? user.Email ?? user.DisplayName;

    private Task<JsonNode?> CallAsync(string tool, Dictionary<string, object?> arguments, bool idempotent, CancellationToken cancellationToken) =>
        _session.CallAsync(tool, arguments, idempotent, cancellationToken);

    public ValueTask DisposeAsync() => _session.DisposeAsync();

    public void Dispose() => _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
