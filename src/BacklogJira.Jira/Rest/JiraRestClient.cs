using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BacklogJira.Core.Ports;
using BacklogJira.Core.Text;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BacklogJira.Jira.Rest;

/// <summary>
/// <see cref="IJiraClient"/> over Jira's REST API: v3 with ADF on Cloud, v2 with wiki markup on Server/Data Center,
/// chosen from <c>/serverInfo</c> unless configured. One HTTP pool, bounded concurrency, metadata cached per run.
/// </summary>
public sealed partial class JiraRestClient : IJiraClient, IDisposable
{
    private readonly JiraHttp _http;

    /// <summary>The raw call, for the few admin APIs that sit beside the sync's own (JiraWebhookAdmin).</summary>
    internal JiraHttp Http => _http;
    private readonly JiraConnectionSettings _settings;
    private readonly AsyncOnce<JiraServerInfo> _serverInfo;
    private readonly AsyncOnce<IReadOnlyList<JiraPriority>> _priorities;
    private readonly AsyncOnce<IReadOnlyList<JiraStatus>> _statuses;
    private readonly AsyncOnce<IReadOnlyList<JiraField>> _fields;
    private readonly AsyncOnce<IReadOnlyList<string>> _issueFields;
    private readonly AsyncOnce<string?> _epicLinkField;
    private readonly AsyncOnce<string?> _sprintField;
    private readonly Users.UserLookupMemo _users;

    public JiraRestClient(JiraConnectionSettings settings, TimeProvider? clock = null, ILogger? logger = null)
        : this(JiraHttp.CreateHttpClient(settings), settings, clock, logger)
    {
    }

    internal JiraRestClient(HttpClient http, JiraConnectionSettings settings, TimeProvider? clock, ILogger? logger)
    {
        _settings = settings;
        _users = new Users.UserLookupMemo(clock ?? TimeProvider.System);
        _http = new JiraHttp(http, settings, clock ?? TimeProvider.System, logger ?? NullLogger.Instance);
        _serverInfo = new AsyncOnce<JiraServerInfo>(FetchServerInfoAsync);
        _priorities = new AsyncOnce<IReadOnlyList<JiraPriority>>(async ct =>
            [.. (await GetArrayAsync("priority", ct)).Select(p => new JiraPriority(JiraReader.Text(p?["id"]) ?? "", JiraReader.Text(p?["name"]) ?? ""))]);
        _statuses = new AsyncOnce<IReadOnlyList<JiraStatus>>(async ct =>
            [.. (await GetArrayAsync("status", ct)).Select(s => JiraReader.Status(s)!)]);
        _fields = new AsyncOnce<IReadOnlyList<JiraField>>(async ct =>
            [.. (await GetArrayAsync("field", ct)).Select(JiraReader.Field)]);
        _issueFields = new AsyncOnce<IReadOnlyList<string>>(ReadIssueFieldsAsync);
        _epicLinkField = new AsyncOnce<string?>(FindEpicLinkFieldAsync);
        _sprintField = new AsyncOnce<string?>(FindSprintFieldAsync);
    }

    /// <summary>The Sprint field when milestones are sprints, found by its type (docs/reference/jira.md §11); else null.</summary>
    private async Task<string?> FindSprintFieldAsync(CancellationToken cancellationToken)
    {
        if (!_settings.Sprints) return null;
        return (await GetFieldsAsync(cancellationToken)).FirstOrDefault(f => f.CustomType == SprintValues.FieldType)?.Id
            ?? throw new JiraException("This Jira has no Sprint field (Jira Software's), so milestones cannot be sprints here; set jira.milestoneAs to \"fixVersion\" in .backlog-jira/config.json.");
    }

    private async Task<IssueFieldIds> IssueFieldIdsAsync(CancellationToken cancellationToken) =>
        new(await _epicLinkField.GetAsync(cancellationToken), await _sprintField.GetAsync(cancellationToken));

    /// <summary>Data Center's Epic Link field, found by its type (its id differs per site; docs/reference/jira.md §10);
    /// null on Cloud, where an epic is the parent, and on a site without Jira Software.</summary>
    private async Task<string?> FindEpicLinkFieldAsync(CancellationToken cancellationToken)
    {
        if ((await ApiAsync(cancellationToken)).Deployment == JiraDeployment.Cloud) return null;
        return (await GetFieldsAsync(cancellationToken)).FirstOrDefault(f => f.CustomType == JiraReader.EpicLinkType)?.Id;
    }

    private async Task<string> EpicLinkFieldAsync(CancellationToken cancellationToken) =>
        await _epicLinkField.GetAsync(cancellationToken)
        ?? throw new JiraException("This Jira has no Epic Link field (Jira Software's); an issue cannot be put under an epic here.");

    /// <summary>What every issue read asks for: our fields and those of the custom-field rules
    /// (<see cref="JiraConnectionSettings.CustomFields"/>), names resolved to ids through <c>/field</c> (read only then).</summary>
    private async Task<IReadOnlyList<string>> ReadIssueFieldsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ours = _settings.IssueLinks ? [.. JiraReader.IssueFields, "issuelinks"] : JiraReader.IssueFields;
        if (await _epicLinkField.GetAsync(cancellationToken) is { } epicLink) ours = [.. ours, epicLink];
        if (await _sprintField.GetAsync(cancellationToken) is { } sprint) ours = [.. ours, sprint];
        if (_settings.CustomFields.Count == 0) return ours;
        var known = await GetFieldsAsync(cancellationToken);
        var extra = _settings.CustomFields.Select(f => Core.CustomFields.JiraFieldResolver.Find(known, f)?.Id).OfType<string>();
        return [.. ours.Concat(extra).Distinct(StringComparer.Ordinal)];
    }

    public async Task<JiraServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) => await _serverInfo.GetAsync(cancellationToken);

    private async Task<JiraServerInfo> FetchServerInfoAsync(CancellationToken cancellationToken)
    {
        var json = await _http.SendAsync(HttpMethod.Get, "/rest/api/2/serverInfo", null, true, cancellationToken) ?? new JsonObject();
        var reported = JiraReader.Text(json["deploymentType"]);
        var deployment = _settings.Deployment
            ?? (string.Equals(reported, "Cloud", StringComparison.OrdinalIgnoreCase) ? JiraDeployment.Cloud : JiraDeployment.DataCenter);
        return new JiraServerInfo(JiraReader.Text(json["baseUrl"]) ?? _settings.BaseUrl.ToString(), JiraReader.Text(json["version"]) ?? "",
            deployment, JiraTimestamp.ParseOrNull(JiraReader.Text(json["serverTime"])));
    }

    private async Task<(string Api, JiraDeployment Deployment)> ApiAsync(CancellationToken cancellationToken)
    {
        var deployment = _settings.Deployment ?? (await GetServerInfoAsync(cancellationToken)).Deployment;
        return (deployment == JiraDeployment.Cloud ? "/rest/api/3" : "/rest/api/2", deployment);
    }

    public async Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        return JiraReader.User(await _http.SendAsync(HttpMethod.Get, $"{api}/myself", null, true, cancellationToken))
            ?? throw new JiraException("GET /myself returned no user.");
    }

    public async Task<JiraProject> GetProjectAsync(string projectKey, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/project/{Uri.EscapeDataString(projectKey)}", null, true, cancellationToken) ?? new JsonObject();
        return new JiraProject(JiraReader.Text(json["id"]) ?? "", JiraReader.Text(json["key"]) ?? projectKey, JiraReader.Text(json["name"]) ?? "",
            [.. (json["issueTypes"] as JsonArray ?? []).Select(t => JiraReader.Text(t?["name"]) ?? "")]);
    }

    public async Task<IReadOnlyList<JiraProject>> GetProjectsAsync(CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        if (deployment == JiraDeployment.DataCenter)
            return [.. (await _http.SendAsync(HttpMethod.Get, $"{api}/project", null, true, cancellationToken) as JsonArray ?? []).Select(Project)];
        var projects = new List<JiraProject>();
        while (true)
        {
            var page = await _http.SendAsync(HttpMethod.Get, $"{api}/project/search?startAt={projects.Count}&maxResults=50", null, true, cancellationToken) ?? new JsonObject();
            var values = page["values"] as JsonArray ?? [];
            projects.AddRange(values.Select(Project));
            if (values.Count == 0 || page["isLast"]?.GetValue<bool>() != false) return projects;
        }
    }

    /// <summary>The fields on the create screen of <paramref name="issueType"/> in the project, by id, each with the
    /// values it allows (option values, with a cascading select's children as <c>Parent / Child</c>; version names);
    /// null when the project has no such issue type.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> GetCreateScreenAsync(string projectKey, string issueType, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var project = Uri.EscapeDataString(projectKey);
        var types = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/createmeta/{project}/issuetypes", null, true, cancellationToken);
        var type = (types?["issueTypes"] as JsonArray ?? types?["values"] as JsonArray ?? [])
            .FirstOrDefault(t => string.Equals(JiraReader.Text(t?["name"]), issueType, StringComparison.OrdinalIgnoreCase));
        if (JiraReader.Text(type?["id"]) is not { } typeId) return null;
        var screen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var startAt = 0; ; )
        {
            var page = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/createmeta/{project}/issuetypes/{Uri.EscapeDataString(typeId)}?startAt={startAt}&maxResults=200", null, true, cancellationToken);
            var fields = page?["fields"] as JsonArray ?? page?["values"] as JsonArray ?? [];
            foreach (var field in fields.OfType<JsonObject>())
            {
                var id = JiraReader.Text(field["fieldId"]) ?? JiraReader.Text(field["key"]) ?? "";
                screen[id] = [.. (field["allowedValues"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(AllowedNames)];
            }
            startAt += fields.Count;
            if (fields.Count == 0 || startAt >= (page?["total"]?.GetValue<int>() ?? 0)) return screen;
        }

        static IEnumerable<string> AllowedNames(JsonObject value)
        {
            var name = JiraReader.Text(value["value"]) ?? JiraReader.Text(value["name"]) ?? "";
            yield return name;
            foreach (var child in (value["children"] as JsonArray ?? []).OfType<JsonObject>())
                yield return Core.CustomFields.CustomFieldText.Cascading(name, JiraReader.Text(child["value"]) ?? "");
        }
    }

    /// <summary>The site's issue link types, each with its two phrases (docs/reference/jira.md §9).</summary>
    public async Task<IReadOnlyList<(string Name, string Inward, string Outward)>> GetIssueLinkTypesAsync(CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/issueLinkType", null, true, cancellationToken);
        return [.. (json?["issueLinkTypes"] as JsonArray ?? []).Select(t => (JiraReader.Text(t?["name"]) ?? "", JiraReader.Text(t?["inward"]) ?? "", JiraReader.Text(t?["outward"]) ?? ""))];
    }

    /// <summary>Which of <paramref name="permissionKeys"/> this user has in the project (Jira's "my permissions").</summary>
    public async Task<IReadOnlyDictionary<string, bool>> GetMyPermissionsAsync(string projectKey, IReadOnlyList<string> permissionKeys, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/mypermissions?projectKey={Uri.EscapeDataString(projectKey)}&permissions={string.Join(',', permissionKeys)}", null, true, cancellationToken);
        var permissions = json?["permissions"] as JsonObject ?? [];
        return permissionKeys.ToDictionary(k => k, k => permissions[k]?["havePermission"]?.GetValue<bool>() == true);
    }

    /// <summary>The statuses the project's workflows use, for one issue type (Jira's per-project status list);
    /// null when this Jira does not offer the endpoint.</summary>
    public async Task<IReadOnlyList<JiraStatus>?> GetProjectStatusesAsync(string projectKey, string issueType, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/project/{Uri.EscapeDataString(projectKey)}/statuses", null, true, cancellationToken, notFoundIsNull: true);
        if (json is not JsonArray types) return null;
        var type = types.FirstOrDefault(t => string.Equals(JiraReader.Text(t?["name"]), issueType, StringComparison.OrdinalIgnoreCase)) ?? types.FirstOrDefault();
        return [.. (type?["statuses"] as JsonArray ?? []).Select(s => JiraReader.Status(s)).OfType<JiraStatus>()];
    }

    private static JiraProject Project(JsonNode? json) => new(JiraReader.Text(json?["id"]) ?? "", JiraReader.Text(json?["key"]) ?? "", JiraReader.Text(json?["name"]) ?? "",
        [.. (json?["issueTypes"] as JsonArray ?? []).Select(t => JiraReader.Text(t?["name"]) ?? "")]);

    public async Task<JiraIssue?> GetIssueAsync(string key, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var fields = await _issueFields.GetAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/{Uri.EscapeDataString(key)}?fields={string.Join(',', fields)}",
            null, true, cancellationToken, notFoundIsNull: true);
        return json is null ? null : await WithExtrasAsync(JiraReader.Issue(json, deployment, fields, await IssueFieldIdsAsync(cancellationToken)), cancellationToken);
    }

    public async Task<IReadOnlyList<JiraIssue>> GetIssuesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        (await ReadIssuesAsync(keys, null, cancellationToken)).Issues;

    public async Task<JiraIssueRead> ReadIssuesAsync(IReadOnlyCollection<string> keys, DateTimeOffset? updatedSince, CancellationToken cancellationToken)
    {
        var since = updatedSince is { } bound ? $" AND updated >= {bound.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}" : "";
        if (updatedSince is not null && keys.Count > _settings.ChangedKeyBatchSize && await ChangedInScopeAsync(keys, since, cancellationToken) is { } scoped)
            return scoped;
        // A changed-since query returns few issues, so it can name more keys at once: fewer round trips for a no-op.
        var batchSize = updatedSince is null ? _settings.KeyBatchSize : _settings.ChangedKeyBatchSize;
        var batches = keys.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(Math.Max(1, batchSize));
        var results = await Task.WhenAll(batches.Select(batch => GetBatchAsync([.. batch], since, cancellationToken)));
        return new JiraIssueRead([.. results.SelectMany(r => r.Issues)], [.. results.SelectMany(r => r.Missing)]);
    }

    /// <summary>
    /// The changed-since read of many keys as one query over their projects instead of a <c>key in</c> query per 500 keys
    /// (docs/sync.md, "Performance"): the keys of <c>project in (…) AND updated &gt;= …</c>, and beside it a listing of the
    /// projects' keys (keys only, thousands per page), so a key no longer there (the issue deleted, moved to another
    /// project, or hidden from us) is still noticed. The changed and the vanished keys are then read by key, which finds
    /// a moved issue under its new key and reports a deleted one missing. Null when the projects hold so many more issues than the keys that the
    /// listing would cost more requests than the chunks it replaces; the caller then reads by key.
    /// </summary>
    private async Task<JiraIssueRead?> ChangedInScopeAsync(IReadOnlyCollection<string> keys, string since, CancellationToken cancellationToken)
    {
        var projects = keys.Select(ProjectOf).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (projects.Count == 0 || projects.Any(p => p.Length == 0)) return null;
        var scope = $"project in ({string.Join(", ", projects.Select(p => "\"" + p + "\""))})";
        var chunks = (keys.Count + _settings.ChangedKeyBatchSize - 1) / _settings.ChangedKeyBatchSize;
        var listing = ListKeysAsync(scope, maxKeys: Math.Max(keys.Count * 2, keys.Count + chunks * 1000), cancellationToken);
        // The changed issues are named first (keys only: one page holds thousands) and then read by key, many queries at
        // once, rather than paged through 100 at a time one page after another.
        var changed = ListKeysAsync($"{scope}{since}", maxKeys: keys.Count, cancellationToken);
        var listed = await listing;
        var changedKeys = await changed;
        if (listed is null || changedKeys is null) return null;
        var gone = keys.Where(k => !listed.Contains(k)).ToList();
        var toRead = keys.Where(changedKeys.Contains).Concat(gone).ToList();
        return toRead.Count == 0 ? new JiraIssueRead([], []) : await ReadIssuesAsync(toRead, null, cancellationToken);
    }

    private static string ProjectOf(string key) => key.LastIndexOf('-') is > 0 and var dash ? key[..dash] : "";

    /// <summary>Every key the query matches, ids and keys only; null once more than <paramref name="maxKeys"/> come
    /// back (listing further would cost more than it saves).</summary>
    private async Task<HashSet<string>?> ListKeysAsync(string jql, int maxKeys, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fields = new JsonArray("key");
        void Add(JsonNode? page)
        {
            foreach (var issue in page?["issues"] as JsonArray ?? [])
            {
                if (JiraReader.Text(issue?["key"]) is { } key) keys.Add(key);
            }
        }
        if (deployment == JiraDeployment.Cloud)
        {
            string? token = null;
            do
            {
                var body = new JsonObject { ["jql"] = jql, ["fields"] = fields.DeepClone(), ["maxResults"] = _settings.KeyListPageSize };
                if (token is not null) body["nextPageToken"] = token;
                var page = await _http.SendAsync(HttpMethod.Post, $"{api}/search/jql", body, true, cancellationToken);
                Add(page);
                token = page?["isLast"]?.GetValue<bool>() == true ? null : JiraReader.Text(page?["nextPageToken"]);
                if (keys.Count > maxKeys) return null;
            }
            while (token is not null);
            return keys;
        }
        // Data Center pages by offset and says the total on the first page: the rest are asked for at once.
        var pageSize = Math.Min(_settings.KeyListPageSize, 1000);
        Task<JsonNode?> Page(int startAt) => _http.SendAsync(HttpMethod.Post, $"{api}/search",
            new JsonObject { ["jql"] = jql, ["fields"] = fields.DeepClone(), ["maxResults"] = pageSize, ["startAt"] = startAt }, true, cancellationToken);
        var first = await Page(0);
        var total = first?["total"]?.GetValue<int>() ?? 0;
        if (total > maxKeys) return null;
        Add(first);
        var served = (first?["issues"] as JsonArray)?.Count ?? 0;
        if (served == 0) return keys;
        var rest = await Task.WhenAll(Enumerable.Range(1, (total - 1) / served).Select(i => Page(i * served)));
        foreach (var page in rest) Add(page);
        return keys;
    }

    /// <summary>One <c>key in (…)</c> query. Jira fails the whole query when one key no longer exists
    /// (docs/reference/jira.md §4.2); the reported keys are dropped and the rest asked again.</summary>
    private async Task<JiraIssueRead> GetBatchAsync(List<string> keys, string condition, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        while (keys.Count > 0)
        {
            var jql = $"key in ({string.Join(", ", keys.Select(k => "\"" + k.Replace("\"", "", StringComparison.Ordinal) + "\""))}){condition}";
            try
            {
                return new JiraIssueRead(await SearchAsync(jql, cancellationToken), missing);
            }
            catch (JiraRequestRejectedException error)
            {
                var unknown = error.ErrorMessages.Select(m => MissingKey().Match(m)).Where(m => m.Success).Select(m => m.Groups["key"].Value).ToList();
                if (unknown.Count == 0) throw;
                missing.AddRange(keys.Where(k => unknown.Contains(k, StringComparer.OrdinalIgnoreCase)));
                keys.RemoveAll(k => unknown.Contains(k, StringComparer.OrdinalIgnoreCase));
            }
        }
        return new JiraIssueRead([], missing);
    }

    public async Task<IReadOnlyList<JiraIssue>> SearchAsync(string jql, CancellationToken cancellationToken)
    {
        var issues = await SearchPagesAsync(jql, cancellationToken);
        return _settings.RemoteLinks || _settings.Comments ? await Task.WhenAll(issues.Select(i => WithExtrasAsync(i, cancellationToken))) : issues;
    }

    /// <summary>The issue with its remote links and comments, when the settings ask for them (one request each: JiraHttp
    /// bounds how many run at once).</summary>
    private async Task<JiraIssue> WithExtrasAsync(JiraIssue issue, CancellationToken cancellationToken)
    {
        var links = _settings.RemoteLinks ? GetRemoteLinksAsync(issue.Key, cancellationToken) : null;
        var comments = _settings.Comments ? GetCommentsAsync(issue.Key, cancellationToken) : null;
        return issue with
        {
            RemoteLinks = links is null ? issue.RemoteLinks : await links,
            Comments = comments is null ? issue.Comments : await comments,
        };
    }

    private async Task<IReadOnlyList<JiraIssue>> SearchPagesAsync(string jql, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var issues = new List<JiraIssue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var wanted = await _issueFields.GetAsync(cancellationToken);
        var ids = await IssueFieldIdsAsync(cancellationToken);
        var fields = new JsonArray([.. wanted.Select(f => (JsonNode)f)]);
        if (deployment == JiraDeployment.Cloud)
        {
            // The next page is requested before this one is converted, so Markdown conversion overlaps the network.
            Task<JsonNode?> FetchAsync(string? token)
            {
                var body = new JsonObject { ["jql"] = jql, ["fields"] = fields.DeepClone(), ["maxResults"] = _settings.PageSize };
                if (token is not null) body["nextPageToken"] = token;
                return _http.SendAsync(HttpMethod.Post, $"{api}/search/jql", body, true, cancellationToken);
            }

            var pending = FetchAsync(null);
            while (pending is not null)
            {
                var page = await pending ?? new JsonObject();
                var next = page["isLast"]?.GetValue<bool>() == true ? null : JiraReader.Text(page["nextPageToken"]);
                pending = next is null ? null : FetchAsync(next);
                foreach (var issue in page["issues"] as JsonArray ?? []) Add(issue);
            }
            return issues;
        }
        var startAt = 0;
        while (true)
        {
            var body = new JsonObject { ["jql"] = jql, ["fields"] = fields.DeepClone(), ["maxResults"] = _settings.PageSize, ["startAt"] = startAt };
            var page = await _http.SendAsync(HttpMethod.Post, $"{api}/search", body, true, cancellationToken) ?? new JsonObject();
            var pageIssues = page["issues"] as JsonArray ?? [];
            foreach (var issue in pageIssues) Add(issue);
            startAt += pageIssues.Count;
            var total = page["total"]?.GetValue<int>() ?? 0;
            if (pageIssues.Count == 0 || startAt >= total) return issues;
        }

        void Add(JsonNode? json)
        {
            // Offset paging can repeat an issue when others change under it; keep the first sighting.
            if (json is not null && seen.Add(JiraReader.Text(json["key"]) ?? "")) issues.Add(JiraReader.Issue(json, deployment, wanted, ids));
        }
    }

    public async Task<JiraIssueRef> CreateIssueAsync(JiraIssueDraft draft, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = draft.ProjectKey },
            ["issuetype"] = new JsonObject { ["name"] = draft.IssueType },
            ["summary"] = draft.Summary,
        };
        if (!string.IsNullOrWhiteSpace(draft.Description)) fields["description"] = RichText(draft.Description, deployment);
        if (draft.Labels.Count > 0) fields["labels"] = new JsonArray([.. draft.Labels.Select(l => (JsonNode)l)]);
        if (draft.PriorityName is not null) fields["priority"] = new JsonObject { ["name"] = draft.PriorityName };
        if (draft.Assignee is not null) fields["assignee"] = UserReference(draft.Assignee, deployment);
        if (draft.ParentKey is not null) fields["parent"] = new JsonObject { ["key"] = draft.ParentKey };
        if (draft.EpicKey is not null) fields[await EpicLinkFieldAsync(cancellationToken)] = draft.EpicKey;
        if (draft.DueDate is not null) fields["duedate"] = draft.DueDate;
        if (draft.Reporter is not null) fields["reporter"] = UserReference(draft.Reporter, deployment);
        if (draft.FixVersions.Count > 0) fields["fixVersions"] = VersionList(draft.FixVersions);
        foreach (var (id, value) in draft.CustomFields) fields[id] = FieldValue(value, deployment);
        var body = new JsonObject { ["fields"] = fields };
        if (draft.Properties.Count > 0)
            body["properties"] = new JsonArray([.. draft.Properties.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]);
        var json = await _http.SendAsync(HttpMethod.Post, $"{api}/issue", body, idempotent: false, cancellationToken) ?? new JsonObject();
        return new JiraIssueRef(JiraReader.Text(json["id"]) ?? "", JiraReader.Text(json["key"]) ?? "", JiraReader.Text(json["self"]) ?? "");
    }

    public async Task UpdateIssueAsync(string key, JiraIssueUpdate update, CancellationToken cancellationToken)
    {
        if (update.IsEmpty) return;
        var (api, deployment) = await ApiAsync(cancellationToken);
        var fields = new JsonObject();
        if (update.Summary is not null) fields["summary"] = update.Summary;
        if (update.ChangeDescription) fields["description"] = string.IsNullOrWhiteSpace(update.Description) ? null : RichText(update.Description, deployment);
        if (update.Labels is not null) fields["labels"] = new JsonArray([.. update.Labels.Select(l => (JsonNode)l)]);
        if (update.PriorityName is not null) fields["priority"] = new JsonObject { ["name"] = update.PriorityName };
        if (update.ChangeAssignee) fields["assignee"] = update.Assignee is null ? null : UserReference(update.Assignee, deployment);
        if (update.ChangeDueDate) fields["duedate"] = update.DueDate;
        if (update.IssueTypeName is not null) fields["issuetype"] = new JsonObject { ["name"] = update.IssueTypeName };
        if (update.Reporter is not null) fields["reporter"] = UserReference(update.Reporter, deployment);
        if (update.FixVersions is not null) fields["fixVersions"] = VersionList(update.FixVersions);
        foreach (var (id, value) in update.CustomFields) fields[id] = FieldValue(value, deployment);
        if (update.ChangeParent) fields["parent"] = update.ParentKey is null ? null : new JsonObject { ["key"] = update.ParentKey };
        if (update.ChangeEpic) fields[await EpicLinkFieldAsync(cancellationToken)] = update.EpicKey;
        await _http.SendAsync(HttpMethod.Put, $"{api}/issue/{Uri.EscapeDataString(key)}", new JsonObject { ["fields"] = fields }, true, cancellationToken);
    }

    /// <summary>A custom-field rule's value in this deployment's shape (docs/reference/jira.md §7).</summary>
    private static JsonNode? FieldValue(JiraFieldValue value, JiraDeployment deployment) => value switch
    {
        JiraFieldValue.Json json => json.Value?.DeepClone(),
        JiraFieldValue.RichText text => string.IsNullOrWhiteSpace(text.Markdown) ? null : RichText(text.Markdown, deployment),
        JiraFieldValue.Users { OnePicker: true } users => users.Value.Count == 0 ? null : UserReference(users.Value[0], deployment),
        JiraFieldValue.Users users => new JsonArray([.. users.Value.Select(u => (JsonNode)UserReference(u, deployment))]),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static JsonArray VersionList(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)new JsonObject { ["name"] = n })]);

    public Task<JiraRefusal?> TryUpdateIssueAsync(string key, JiraIssueUpdate update, CancellationToken cancellationToken) =>
        JiraRequestRejectedException.RefusalOfAsync(() => UpdateIssueAsync(key, update, cancellationToken));

    public async Task<IReadOnlyList<JiraTransition>> GetTransitionsAsync(string key, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/{Uri.EscapeDataString(key)}/transitions?expand=transitions.fields", null, true, cancellationToken);
        return [.. (json?["transitions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => t["isAvailable"]?.GetValue<bool>() != false)
            .Select(t => new JiraTransition(
                JiraReader.Text(t["id"]) ?? "",
                JiraReader.Text(t["name"]) ?? "",
                JiraReader.Status(t["to"]) ?? new JiraStatus("", "", "undefined"),
                [.. (t["fields"] as JsonObject ?? []).Select(f => new JiraTransitionField(
                    f.Key,
                    JiraReader.Text(f.Value?["name"]) ?? f.Key,
                    f.Value?["required"]?.GetValue<bool>() == true,
                    [.. (f.Value?["allowedValues"] as JsonArray ?? []).Select(v => JiraReader.Text(v?["name"]) ?? JiraReader.Text(v?["value"]) ?? "")]))]))];
    }

    public async Task TransitionAsync(string key, string transitionId, IReadOnlyDictionary<string, string> fieldValues, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = transitionId } };
        if (fieldValues.Count > 0)
            body["fields"] = new JsonObject([.. fieldValues.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)new JsonObject { ["name"] = f.Value }))]);
        await _http.SendAsync(HttpMethod.Post, $"{api}/issue/{Uri.EscapeDataString(key)}/transitions", body, idempotent: false, cancellationToken);
    }

    public Task<JiraUser?> FindUserAsync(string query, CancellationToken cancellationToken) =>
        _users.GetAsync(query, q => LookUpUserAsync(q, cancellationToken));

    private async Task<JiraUser?> LookUpUserAsync(string query, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var path = deployment == JiraDeployment.Cloud
            ? $"{api}/user/search?query={Uri.EscapeDataString(query)}&maxResults=50"
            : $"{api}/user/search?username={Uri.EscapeDataString(query)}&maxResults=50";
        var users = (await _http.SendAsync(HttpMethod.Get, path, null, true, cancellationToken) as JsonArray ?? [])
            .Select(JiraReader.User).OfType<JiraUser>().ToList();
        if (deployment == JiraDeployment.Cloud && users.Count == 0 && AccountIdPattern().IsMatch(query))
        {
            var byId = await _http.SendAsync(HttpMethod.Get, $"{api}/user?accountId={Uri.EscapeDataString(query)}", null, true, cancellationToken, notFoundIsNull: true);
            return JiraReader.User(byId);
        }
        var exact = users.FirstOrDefault(u => u.AccountId == query || u.Key == query
            || string.Equals(u.Name, query, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.Email, query, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.DisplayName, query, StringComparison.OrdinalIgnoreCase));
        return exact ?? (users.Count == 1 ? users[0] : null);
    }

    public Task<IReadOnlyList<JiraPriority>> GetPrioritiesAsync(CancellationToken cancellationToken) => _priorities.GetAsync(cancellationToken);

    public Task<IReadOnlyList<JiraStatus>> GetStatusesAsync(CancellationToken cancellationToken) => _statuses.GetAsync(cancellationToken);

    public Task<IReadOnlyList<JiraField>> GetFieldsAsync(CancellationToken cancellationToken) => _fields.GetAsync(cancellationToken);

    public async Task<IReadOnlyList<JiraVersion>> GetVersionsAsync(string projectKey, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/project/{Uri.EscapeDataString(projectKey)}/versions", null, true, cancellationToken);
        return [.. (json as JsonArray ?? []).OfType<JsonObject>().Select(JiraReader.Version)];
    }

    /// <summary>Not idempotent by itself: a retry after a lost answer would meet "already exists", so the caller looks
    /// the name up first (docs/reference/jira.md §6).</summary>
    public async Task<JiraVersion> CreateVersionAsync(string projectKey, string name, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var project = await GetProjectAsync(projectKey, cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Post, $"{api}/version", new JsonObject { ["name"] = name, ["projectId"] = project.Id }, idempotent: false, cancellationToken);
        return JiraReader.Version(json as JsonObject ?? []);
    }

    public async Task<IReadOnlyList<JiraComment>> GetCommentsAsync(string key, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var comments = new List<JiraComment>();
        while (true)
        {
            var page = await _http.SendAsync(HttpMethod.Get,
                $"{api}/issue/{Uri.EscapeDataString(key)}/comment?startAt={comments.Count.ToString(CultureInfo.InvariantCulture)}&maxResults=100&orderBy=created",
                null, true, cancellationToken) ?? new JsonObject();
            var items = page["comments"] as JsonArray ?? [];
            comments.AddRange(items.OfType<JsonObject>().Select(c => JiraReader.Comment(c, deployment)));
            if (items.Count == 0 || comments.Count >= (page["total"]?.GetValue<int>() ?? 0)) return comments;
        }
    }

    public async Task UpdateCommentAsync(string key, string commentId, string markdown, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var body = new JsonObject { ["body"] = RichText(markdown, deployment) };
        // Setting a body is idempotent: a retry writes the same text.
        await _http.SendAsync(HttpMethod.Put, $"{api}/issue/{Uri.EscapeDataString(key)}/comment/{Uri.EscapeDataString(commentId)}", body, idempotent: true, cancellationToken);
    }

    public async Task<JiraComment> AddCommentAsync(string key, string markdown, CancellationToken cancellationToken)
    {
        var (api, deployment) = await ApiAsync(cancellationToken);
        var body = new JsonObject { ["body"] = RichText(markdown, deployment) };
        var json = await _http.SendAsync(HttpMethod.Post, $"{api}/issue/{Uri.EscapeDataString(key)}/comment", body, idempotent: false, cancellationToken);
        return JiraReader.Comment(json ?? new JsonObject(), deployment);
    }

    public async Task<IReadOnlyList<JiraIssueLink>> GetIssueLinksAsync(string key, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/{Uri.EscapeDataString(key)}?fields=issuelinks", null, true, cancellationToken);
        return JiraReader.IssueLinks(json?["fields"]?["issuelinks"]);
    }

    public async Task CreateIssueLinkAsync(string typeName, string fromKey, string toKey, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        // Jira's POST puts the issue that holds the outward phrase in "inwardIssue" (docs/reference/jira.md §9).
        var body = new JsonObject
        {
            ["type"] = new JsonObject { ["name"] = typeName },
            ["inwardIssue"] = new JsonObject { ["key"] = fromKey },
            ["outwardIssue"] = new JsonObject { ["key"] = toKey },
        };
        // Jira does not make a link twice, so a repeat is harmless.
        await _http.SendAsync(HttpMethod.Post, $"{api}/issueLink", body, idempotent: true, cancellationToken);
    }

    public async Task DeleteIssueLinkAsync(string linkId, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        await _http.SendAsync(HttpMethod.Delete, $"{api}/issueLink/{Uri.EscapeDataString(linkId)}", null, idempotent: true, cancellationToken, notFoundIsNull: true);
    }

    public async Task<IReadOnlyList<JiraRemoteLink>> GetRemoteLinksAsync(string key, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/{Uri.EscapeDataString(key)}/remotelink", null, true, cancellationToken);
        return [.. (json as JsonArray ?? []).Select(JiraReader.RemoteLink).OfType<JiraRemoteLink>()];
    }

    public async Task DeleteRemoteLinkAsync(string key, string linkId, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        // A link already gone (a retry, or someone else) is what was wanted: 404 is not an error here.
        await _http.SendAsync(HttpMethod.Delete, $"{api}/issue/{Uri.EscapeDataString(key)}/remotelink/{Uri.EscapeDataString(linkId)}",
            null, idempotent: true, cancellationToken, notFoundIsNull: true);
    }

    public async Task UpsertRemoteLinkAsync(string key, JiraRemoteLink link, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var body = new JsonObject
        {
            ["globalId"] = link.GlobalId,
            ["object"] = new JsonObject { ["url"] = link.Url, ["title"] = link.Title },
        };
        // Upsert by globalId makes a repeat harmless, so it may be retried like a read.
        await _http.SendAsync(HttpMethod.Post, $"{api}/issue/{Uri.EscapeDataString(key)}/remotelink", body, idempotent: true, cancellationToken);
    }

    public async Task<JsonNode?> GetIssuePropertyAsync(string key, string propertyKey, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        var json = await _http.SendAsync(HttpMethod.Get, $"{api}/issue/{Uri.EscapeDataString(key)}/properties/{Uri.EscapeDataString(propertyKey)}",
            null, true, cancellationToken, notFoundIsNull: true);
        return json?["value"]?.DeepClone();
    }

    public async Task SetIssuePropertyAsync(string key, string propertyKey, JsonNode value, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        await _http.SendAsync(HttpMethod.Put, $"{api}/issue/{Uri.EscapeDataString(key)}/properties/{Uri.EscapeDataString(propertyKey)}", value, true, cancellationToken);
    }

    private async Task<JsonArray> GetArrayAsync(string resource, CancellationToken cancellationToken)
    {
        var (api, _) = await ApiAsync(cancellationToken);
        return await _http.SendAsync(HttpMethod.Get, $"{api}/{resource}", null, true, cancellationToken) as JsonArray ?? [];
    }

    private static JsonNode? RichText(string markdown, JiraDeployment deployment) =>
        deployment == JiraDeployment.Cloud
            ? JiraText.MarkdownToAdf(markdown)
            : JiraText.MarkdownToWiki(markdown, mentionsByAccountId: false) is { } wiki ? JsonValue.Create(wiki) : null;

    private static JsonObject UserReference(JiraUser user, JiraDeployment deployment) =>
        deployment == JiraDeployment.Cloud
            ? new JsonObject { ["accountId"] = user.AccountId }
            : new JsonObject { ["name"] = user.Name };

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"An issue with key '(?<key>[^']+)' does not exist|The issue key '(?<key>[^']+)' for field")]
    private static partial Regex MissingKey();

    [GeneratedRegex(@"^([0-9a-f]{24}|\d+:[0-9a-f-]{36})$")]
    private static partial Regex AccountIdPattern();
}
