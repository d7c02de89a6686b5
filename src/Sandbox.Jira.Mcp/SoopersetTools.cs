using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;
using Sandbox.Jira.Mcp.Text;

namespace Sandbox.Jira.Mcp;

/// <summary>
/// The tools' behaviour, mirroring mcp-atlassian 0.23 (docs/reference/jira.md §1.2–1.4) over its own HTTP calls to Jira
/// (<see cref="JiraCalls"/>) and its own model of mcp-atlassian's text conversion (Text/):
/// JSON answers as pretty text plus <c>structuredContent {"result": text}</c>; exceptions as <c>isError</c> with
/// <c>Error calling tool '&lt;fn&gt;': …</c>; <c>jira_update_issue</c> and the user tools reporting failure inside a
/// successful answer; search flattening descriptions; transitions listed without their target.
/// </summary>
internal sealed partial class SoopersetTools(JiraCalls jira, Deployment deployment, ToolFaults faults)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private int _calls;

    public async Task<CallToolResult> CallAsync(string name, ToolArguments args, CancellationToken cancellationToken)
    {
        if (faults.ExitAfterCalls is { } limit && Interlocked.Increment(ref _calls) > limit)
        {
            await Console.Error.WriteLineAsync("sandbox-jira-mcp: exiting mid-run (SANDBOX_MCP_FAULTS exit-after)");
            Environment.Exit(3);
        }
        if (faults.DelayMilliseconds > 0) await Task.Delay(faults.DelayMilliseconds, cancellationToken);
        var function = name.StartsWith("jira_", StringComparison.Ordinal) ? name["jira_".Length..] : name;
        if (faults.Hidden.Contains(name) || !ToolCatalog.All.Any(t => t.Name == name)) return Failure($"Unknown tool: {name}");
        try
        {
            var answer = name switch
            {
                "jira_get_issue" => await GetIssueAsync(args, cancellationToken),
                "jira_search" => await SearchAsync(args, cancellationToken),
                "jira_create_issue" => await CreateIssueAsync(args, cancellationToken),
                "jira_update_issue" => await UpdateIssueAsync(args, cancellationToken),
                "jira_assign_issue" => await AssignIssueAsync(args, cancellationToken),
                "jira_get_transitions" => await GetTransitionsAsync(args, cancellationToken),
                "jira_transition_issue" => await TransitionIssueAsync(args, cancellationToken),
                "jira_add_comment" => await AddCommentAsync(args, cancellationToken),
                "jira_get_user_profile" => await GetUserProfileAsync(args, cancellationToken),
                "jira_search_fields" => await SearchFieldsAsync(args, cancellationToken),
                "jira_get_all_projects" => await GetAllProjectsAsync(cancellationToken),
                "jira_get_project_versions" => await GetProjectVersionsAsync(args, cancellationToken),
                "jira_create_version" => await CreateVersionAsync(args, cancellationToken),
                _ => throw new InvalidOperationException(name),
            };
            return Success(answer);
        }
        catch (ToolInputException error)
        {
            return Failure(error.Message);
        }
        catch (JiraCallException error)
        {
            return Failure($"Error calling tool '{function}': {Describe(error)}");
        }
        catch (HttpRequestException error)
        {
            return Failure($"Error calling tool '{function}': {error.Message}");
        }
    }

    private Uri BaseUrl => jira.BaseUrl;

    private async Task<JsonNode> GetIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var issue = await IssueAsync(key, cancellationToken);
        var fields = Fields(args);
        var json = SimplifiedIssue.From(issue, BaseUrl, deployment, fields);
        var commentLimit = args.Int("comment_limit", 10);
        if (commentLimit > 0 && (fields.Contains("comment") || !args.Has("fields")))
        {
            var answer = await jira.GetAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}/comment?maxResults=1000", cancellationToken);
            var comments = answer?["comments"] as JsonArray ?? [];
            json["comments"] = new JsonArray([.. comments.OfType<JsonNode>().TakeLast(commentLimit).Select(c => (JsonNode?)new JsonObject
            {
                ["id"] = SimplifiedIssue.Str(c["id"]),
                ["body"] = WikiToMarkdown.Convert(SimplifiedIssue.Str(c["body"]) ?? "", BaseUrl.ToString()),
                ["author"] = c["author"] is JsonObject author ? SimplifiedIssue.User(author, deployment) : null,
                ["created"] = SimplifiedIssue.Str(c["created"]),
            })]);
        }
        return json;
    }

    /// <summary>The issue as REST v2 gives it; a 404 in mcp-atlassian's words.</summary>
    private async Task<JsonNode> IssueAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await jira.GetAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}", cancellationToken) ?? throw NotFound(key);
        }
        catch (JiraCallException error) when (error.Status == HttpStatusCode.NotFound)
        {
            throw NotFound(key);
        }
    }

    private static JiraCallException NotFound(string key) =>
        new(HttpStatusCode.NotFound, [$"Issue {key} not found. Verify the issue key and project access."], "");

    /// <summary>Cloud: <c>/rest/api/3/search/jql</c> with Jira's own page token and no total (descriptions come as ADF and
    /// are flattened); Data Center: <c>/rest/api/2/search</c> by offset, at most 50 a page, raw wiki descriptions.</summary>
    private async Task<JsonNode> SearchAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var jql = args.Required("jql");
        var limit = Math.Max(1, args.Int("limit", 10));
        var fields = Fields(args);
        var wanted = string.Join(',', fields.Contains("*all") ? ["*all"] : fields.Append("summary").Distinct());
        if (deployment == Deployment.Cloud)
        {
            var request = new JsonObject { ["jql"] = jql, ["maxResults"] = limit, ["fields"] = new JsonArray([.. wanted.Split(',').Select(f => (JsonNode?)f)]) };
            if (args.String("page_token") is { Length: > 0 } token) request["nextPageToken"] = token;
            var answer = await jira.PostAsync("rest/api/3/search/jql", request, cancellationToken);
            var result = new JsonObject
            {
                ["total"] = -1,
                ["start_at"] = 0,
                ["max_results"] = limit,
                ["issues"] = Simplified(answer?["issues"], fields, DescriptionForm.Flattened),
            };
            if (SimplifiedIssue.Str(answer?["nextPageToken"]) is { Length: > 0 } next) result["next_page_token"] = next;
            return result;
        }
        limit = Math.Min(limit, 50);
        var start = args.Int("start_at", 0);
        var page = await jira.GetAsync($"rest/api/2/search?jql={Uri.EscapeDataString(jql)}&startAt={start}&maxResults={limit}&fields={Uri.EscapeDataString(wanted)}", cancellationToken);
        return new JsonObject
        {
            ["total"] = page?["total"]?.GetValue<int>() ?? 0,
            ["start_at"] = start,
            ["max_results"] = limit,
            ["issues"] = Simplified(page?["issues"], fields, DescriptionForm.Flattened),
        };
    }

    private JsonArray Simplified(JsonNode? issues, IReadOnlyCollection<string> fields, DescriptionForm form) =>
        new([.. (issues as JsonArray ?? []).OfType<JsonNode>().Select(i => (JsonNode?)SimplifiedIssue.From(i, BaseUrl, deployment, fields, form))]);

    private async Task<JsonNode> CreateIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var additional = args.JsonObjectString("additional_fields") ?? [];
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = ProjectKey(args.Required("project_key")) },
            ["summary"] = args.Required("summary"),
            ["issuetype"] = new JsonObject { ["name"] = args.Required("issue_type") },
        };
        if (args.String("description") is { Length: > 0 } description) fields["description"] = MarkdownToWiki.Convert(description);
        // An assignee that does not resolve is only logged upstream: the issue is created without one.
        if (args.String("assignee") is { Length: > 0 } who && await FindUserAsync(who, cancellationToken) is { } assignee) fields["assignee"] = UserReference(assignee);
        if (PriorityName(additional["priority"]) is { } priority) fields["priority"] = new JsonObject { ["name"] = priority };
        if (Labels(additional["labels"]) is { Count: > 0 } labels) fields["labels"] = new JsonArray([.. labels.Select(l => (JsonNode?)l)]);
        if (ParentKey(additional["parent"]) is { } parent) fields["parent"] = new JsonObject { ["key"] = parent };
        if (SimplifiedIssue.Str(additional["duedate"]) is { } due) fields["duedate"] = due;
        if (await UserAsync(additional["reporter"], cancellationToken) is { } reporter) fields["reporter"] = UserReference(reporter);
        if (VersionNames(additional["fixVersions"]) is { Count: > 0 } versions) fields["fixVersions"] = new JsonArray([.. versions.Select(v => (JsonNode?)new JsonObject { ["name"] = v })]);
        var created = await jira.PostAsync("rest/api/2/issue", new JsonObject { ["fields"] = fields }, cancellationToken);
        var issue = await IssueAsync(SimplifiedIssue.Str(created?["key"]) ?? "", cancellationToken);
        // The echo is the raw v2 answer: wiki markup, not the Markdown that was sent.
        return new JsonObject { ["message"] = "Issue created successfully", ["issue"] = SimplifiedIssue.From(issue, BaseUrl, deployment, ["*all"], DescriptionForm.Raw) };
    }

    private async Task<JsonNode> UpdateIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var given = args.JsonObjectString("fields") ?? throw new ToolInputException("1 validation error for call[fields]\n  Field required");
        foreach (var (name, value) in args.JsonObjectString("additional_fields") ?? []) given[name] = value?.DeepClone();
        var performed = new JsonArray();
        var failed = new JsonArray();
        try
        {
            if (faults.UpdateFails) throw new JiraCallException(HttpStatusCode.BadRequest, ["Field 'summary' cannot be set. It is not on the appropriate screen, or unknown."], "");
            var fields = await UpdateFieldsAsync(given, cancellationToken);
            if (fields.Count > 0)
            {
                await jira.PutAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}", new JsonObject { ["fields"] = fields }, cancellationToken);
                performed.Add("fields_updated");
            }
        }
        catch (JiraCallException error)
        {
            failed.Add($"fields_update: {Describe(error)}");
        }
        var issue = await IssueAsync(key, cancellationToken);
        var message = failed.Count > 0 ? (performed.Count > 0 ? "Issue update completed with errors" : "Issue update failed")
            : performed.Count > 0 ? "Issue updated successfully" : "No issue updates were requested";
        var returnFields = (args.String("return_fields") ?? "*all").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new JsonObject
        {
            ["message"] = message,
            ["issue"] = SimplifiedIssue.From(issue, BaseUrl, deployment, returnFields),
            ["operations_performed"] = performed,
            ["operations_failed"] = failed,
        };
    }

    /// <summary>The fields of an update as REST v2 takes them; keys that are not fields are dropped (upstream only logs
    /// them), and None passes through and clears the field, as upstream's issues.py does.</summary>
    private async Task<JsonObject> UpdateFieldsAsync(JsonObject given, CancellationToken cancellationToken)
    {
        var fields = new JsonObject();
        if (given.ContainsKey("summary")) fields["summary"] = SimplifiedIssue.Str(given["summary"]);
        if (given.ContainsKey("description"))
            fields["description"] = SimplifiedIssue.Str(given["description"]) is { Length: > 0 } text ? MarkdownToWiki.Convert(text) : null;
        if (Labels(given["labels"]) is { } labels) fields["labels"] = new JsonArray([.. labels.Select(l => (JsonNode?)l)]);
        if (PriorityName(given["priority"]) is { } priority) fields["priority"] = new JsonObject { ["name"] = priority };
        if (given.ContainsKey("assignee"))
        {
            var identifier = SimplifiedIssue.Str(given["assignee"]);
            fields["assignee"] = string.IsNullOrEmpty(identifier) ? null
                : UserReference(await FindUserAsync(identifier, cancellationToken) ?? throw new JiraCallException(HttpStatusCode.BadRequest, [$"Could not find account ID for user: {identifier}"], ""));
        }
        if (given.ContainsKey("duedate")) fields["duedate"] = SimplifiedIssue.Str(given["duedate"]);
        if ((given["issuetype"] is JsonObject type ? SimplifiedIssue.Str(type["name"]) : SimplifiedIssue.Str(given["issuetype"])) is { } typeName)
            fields["issuetype"] = new JsonObject { ["name"] = typeName };
        if (await UserAsync(given["reporter"], cancellationToken) is { } reporter) fields["reporter"] = UserReference(reporter);
        if (VersionNames(given["fixVersions"]) is { } versions) fields["fixVersions"] = new JsonArray([.. versions.Select(v => (JsonNode?)new JsonObject { ["name"] = v })]);
        if (given.ContainsKey("parent")) fields["parent"] = ParentKey(given["parent"]) is { } parent ? new JsonObject { ["key"] = parent } : null;
        return fields;
    }

    private async Task<JsonNode> AssignIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        JsonNode? user = null;
        if (args.String("assignee") is { Length: > 0 } who)
            user = await FindUserAsync(who, cancellationToken) ?? throw new JiraCallException(HttpStatusCode.BadRequest, [$"Failed to assign issue {key}: Could not find account ID for user: {who}"], "");
        var reference = user is null
            ? new JsonObject { [deployment == Deployment.Cloud ? "accountId" : "name"] = null }
            : UserReference(user);
        await jira.PutAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}/assignee", reference, cancellationToken);
        var issue = await IssueAsync(key, cancellationToken);
        return new JsonObject { ["message"] = $"Issue {key} assigned successfully", ["issue"] = SimplifiedIssue.From(issue, BaseUrl, deployment, ["*all"]) };
    }

    /// <summary>id as a number and no target status: atlassian-python-api flattens <c>to</c> to a string that
    /// mcp-atlassian's normaliser does not read (docs/reference/jira.md §1.4).</summary>
    private async Task<JsonNode> GetTransitionsAsync(ToolArguments args, CancellationToken cancellationToken) =>
        new JsonArray([.. (await TransitionsAsync(IssueKey(args), cancellationToken)).Select(t => (JsonNode?)new JsonObject
        {
            ["id"] = int.TryParse(t.Id, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(t.Id),
            ["name"] = t.Name,
        })]);

    private async Task<List<(string Id, string Name)>> TransitionsAsync(string key, CancellationToken cancellationToken)
    {
        await IssueAsync(key, cancellationToken);
        var answer = await jira.GetAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}/transitions", cancellationToken);
        return [.. (answer?["transitions"] as JsonArray ?? []).OfType<JsonNode>().Select(t => (SimplifiedIssue.Str(t["id"]) ?? "", SimplifiedIssue.Str(t["name"]) ?? ""))];
    }

    private async Task<JsonNode> TransitionIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var wanted = args.Required("transition_id");
        var available = await TransitionsAsync(key, cancellationToken);
        var transition = available.FirstOrDefault(t => t.Id == wanted) is { Id.Length: > 0 } byId ? byId
            : available.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase)) is { Id.Length: > 0 } byName ? byName
            : throw new JiraCallException(HttpStatusCode.BadRequest, [$"Transition '{wanted}' not found. Available options: {string.Join(", ", available.Select(t => $"{t.Name} ({t.Id})"))}"], "");
        var body = new JsonObject { ["transition"] = new JsonObject { ["id"] = transition.Id } };
        var values = new JsonObject();
        foreach (var (field, value) in args.JsonObjectString("fields") ?? [])
            values[field] = new JsonObject { ["name"] = value is JsonObject named ? SimplifiedIssue.Str(named["name"]) ?? SimplifiedIssue.Str(named["value"]) : SimplifiedIssue.Str(value) };
        if (values.Count > 0) body["fields"] = values;
        await jira.PostAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}/transitions", body, cancellationToken);
        var issue = await IssueAsync(key, cancellationToken);
        return new JsonObject { ["message"] = $"Issue {key} transitioned successfully", ["issue"] = SimplifiedIssue.From(issue, BaseUrl, deployment, ["*all"]) };
    }

    /// <summary>Versions as names or <c>{"name"}</c> objects (upstream's <c>_format_versions_components</c>).</summary>
    private static List<string>? VersionNames(JsonNode? value) => value is JsonArray list
        ? [.. list.Select(v => v is JsonObject o ? SimplifiedIssue.Str(o["name"]) : SimplifiedIssue.Str(v)).OfType<string>()]
        : null;

    private static string? ParentKey(JsonNode? value) => value is JsonObject parent ? SimplifiedIssue.Str(parent["key"]) : SimplifiedIssue.Str(value);

    /// <summary>A user given as an identifier or as <c>{accountId}</c>/<c>{name}</c>, as upstream's fields.py takes a
    /// reporter; one that does not resolve is dropped with a log line there, and refused here the way Jira would.</summary>
    private async Task<JsonNode?> UserAsync(JsonNode? value, CancellationToken cancellationToken)
    {
        var identifier = value is JsonObject named ? SimplifiedIssue.Str(named["accountId"]) ?? SimplifiedIssue.Str(named["name"]) : SimplifiedIssue.Str(value);
        if (string.IsNullOrEmpty(identifier)) return null;
        return await FindUserAsync(identifier, cancellationToken) ?? throw new JiraCallException(HttpStatusCode.BadRequest, [$"Could not find account ID for user: {identifier}"], "");
    }

    /// <summary>A user by account id, e-mail, user name or display name: Cloud searches by <c>query</c> (then by account
    /// id), Data Center by <c>username</c>; an exact match wins, else the only result.</summary>
    private async Task<JsonNode?> FindUserAsync(string identifier, CancellationToken cancellationToken)
    {
        var path = deployment == Deployment.Cloud
            ? $"rest/api/2/user/search?query={Uri.EscapeDataString(identifier)}&maxResults=50"
            : $"rest/api/2/user/search?username={Uri.EscapeDataString(identifier)}&maxResults=50";
        var users = (await jira.GetAsync(path, cancellationToken) as JsonArray ?? []).OfType<JsonNode>().ToList();
        if (users.Count == 0 && deployment == Deployment.Cloud)
        {
            try { return await jira.GetAsync($"rest/api/2/user?accountId={Uri.EscapeDataString(identifier)}", cancellationToken); }
            catch (JiraCallException error) when (error.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest) { return null; }
        }
        bool Is(JsonNode user, string property) => string.Equals(SimplifiedIssue.Str(user[property]), identifier, StringComparison.OrdinalIgnoreCase);
        return users.FirstOrDefault(u => Is(u, "accountId") || Is(u, "key") || Is(u, "name") || Is(u, "emailAddress") || Is(u, "displayName"))
            ?? (users.Count == 1 ? users[0] : null);
    }

    private JsonObject UserReference(JsonNode user) => deployment == Deployment.Cloud
        ? new JsonObject { ["accountId"] = SimplifiedIssue.Str(user["accountId"]) }
        : new JsonObject { ["name"] = SimplifiedIssue.Str(user["name"]) };

    private async Task<JsonNode> AddCommentAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var body = args.Required("body");
        await IssueAsync(key, cancellationToken);
        var comment = await jira.PostAsync($"rest/api/2/issue/{Uri.EscapeDataString(key)}/comment", new JsonObject { ["body"] = MarkdownToWiki.Convert(body) }, cancellationToken);
        var created = SimplifiedIssue.Timestamp(comment?["created"]) is { } printed ? printed[..^4] + ".000000+00:00" : null;
        return new JsonObject
        {
            ["id"] = SimplifiedIssue.Str(comment?["id"]),
            ["body"] = WikiToMarkdown.Convert(SimplifiedIssue.Str(comment?["body"]) ?? "", BaseUrl.ToString()),
            // Python's str(datetime), and the author as a bare display name (§1.3).
            ["created"] = created,
            ["author"] = SimplifiedIssue.Str(comment?["author"]?["displayName"]),
        };
    }

    /// <summary>Failures inside a successful answer: <c>{"success": false, "error", "user_identifier"}</c>.</summary>
    private async Task<JsonNode> GetUserProfileAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var identifier = args.Required("user_identifier");
        if (faults.SoftFail.Contains("jira_get_user_profile"))
            return new JsonObject { ["success"] = false, ["error"] = "503 Server Error: Service Unavailable for url: " + BaseUrl, ["user_identifier"] = identifier };
        try
        {
            var user = identifier == "me" ? await jira.GetAsync("rest/api/2/myself", cancellationToken) : await FindUserAsync(identifier, cancellationToken);
            return user is null
                ? new JsonObject { ["success"] = false, ["error"] = $"User '{identifier}' not found.", ["user_identifier"] = identifier }
                : new JsonObject { ["success"] = true, ["user"] = SimplifiedIssue.User(user, deployment) };
        }
        catch (JiraCallException error)
        {
            return new JsonObject { ["success"] = false, ["error"] = Describe(error), ["user_identifier"] = identifier };
        }
    }

    /// <summary>The raw project objects, as a JSON array (0.23; 0.11 returned the same).</summary>
    private async Task<JsonNode> GetAllProjectsAsync(CancellationToken cancellationToken) =>
        new JsonArray([.. (await jira.GetAsync("rest/api/2/project", cancellationToken) as JsonArray ?? []).OfType<JsonNode>().Select(p => (JsonNode?)new JsonObject
        {
            ["id"] = SimplifiedIssue.Str(p["id"]), ["key"] = SimplifiedIssue.Str(p["key"]), ["name"] = SimplifiedIssue.Str(p["name"]),
            ["self"] = new Uri(BaseUrl, $"rest/api/2/project/{SimplifiedIssue.Str(p["id"])}").ToString(),
        })]);

    /// <summary>Versions as upstream's <c>JiraVersion.to_simplified_dict</c>: id, name, released, archived.</summary>
    private async Task<JsonNode> GetProjectVersionsAsync(ToolArguments args, CancellationToken cancellationToken) =>
        new JsonArray([.. (await jira.GetAsync($"rest/api/2/project/{ProjectKey(args.Required("project_key"))}/versions", cancellationToken) as JsonArray ?? []).OfType<JsonNode>()
            .Select(v => (JsonNode?)Version(v))]);

    private static JsonObject Version(JsonNode? v) => new()
    {
        ["id"] = SimplifiedIssue.Str(v?["id"]), ["name"] = SimplifiedIssue.Str(v?["name"]),
        ["released"] = v?["released"]?.GetValue<bool>() ?? false, ["archived"] = v?["archived"]?.GetValue<bool>() ?? false,
    };

    /// <summary>Jira's answer as is; a failure comes back inside a successful answer, as upstream does.</summary>
    private async Task<JsonNode> CreateVersionAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        try
        {
            var version = await jira.PostAsync("rest/api/2/version", new JsonObject { ["project"] = ProjectKey(args.Required("project_key")), ["name"] = args.Required("name") }, cancellationToken);
            return Version(version);
        }
        catch (JiraCallException error)
        {
            return new JsonObject { ["success"] = false, ["error"] = error.Messages.Count > 0 ? string.Join('\n', error.Messages) : error.Message };
        }
    }

    private async Task<JsonNode> SearchFieldsAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var keyword = args.String("keyword") ?? "";
        var fields = (await jira.GetAsync("rest/api/2/field", cancellationToken) as JsonArray ?? []).OfType<JsonNode>();
        return new JsonArray([.. fields
            .Where(f => keyword.Length == 0 || (SimplifiedIssue.Str(f["name"]) ?? "").Contains(keyword, StringComparison.OrdinalIgnoreCase) || (SimplifiedIssue.Str(f["id"]) ?? "").Contains(keyword, StringComparison.OrdinalIgnoreCase))
            .Take(args.Int("limit", 10))
            .Select(f => (JsonNode?)new JsonObject
            {
                ["id"] = SimplifiedIssue.Str(f["id"]), ["name"] = SimplifiedIssue.Str(f["name"]), ["custom"] = f["custom"]?.GetValue<bool>() ?? false,
                ["schema"] = SimplifiedIssue.Str(f["schema"]?["type"]) is { } type ? new JsonObject { ["type"] = type } : null,
            })]);
    }

    private static string IssueKey(ToolArguments args)
    {
        var key = args.Required("issue_key");
        return IssueKeyPattern().IsMatch(key) ? key
            : throw new ToolInputException($"1 validation error for call[issue_key]\n  String should match pattern '^[A-Z][A-Z0-9_]+-\\d+(?:-\\d+)*$' [type=string_pattern_mismatch, input_value='{key}', input_type=str]");
    }

    private static string ProjectKey(string key) => ProjectKeyPattern().IsMatch(key) ? key
        : throw new ToolInputException($"1 validation error for call[project_key]\n  String should match pattern '^[A-Z][A-Z0-9_]+$' [type=string_pattern_mismatch, input_value='{key}', input_type=str]");

    private static string[] Fields(ToolArguments args) =>
        args.String("fields") is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : SimplifiedIssue.DefaultFields;

    private static string? PriorityName(JsonNode? value) => value switch
    {
        JsonObject priority => SimplifiedIssue.Str(priority["name"]),
        JsonValue name => name.ToString(),
        _ => null,
    };

    private static IReadOnlyList<string>? Labels(JsonNode? value) => value switch
    {
        JsonArray list => [.. list.Select(l => l?.GetValue<string>() ?? "")],
        JsonValue csv => [.. csv.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        _ => null,
    };

    /// <summary>The text atlassian-python-api builds from Jira's error body (errorMessages, then the values of errors),
    /// or mcp-atlassian's own phrases for 401, 403 and 429.</summary>
    private static string Describe(JiraCallException error) => error.Status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"Authentication failed for Jira API ({(int)error.Status}). Token may be expired or invalid. Please verify credentials.",
        HttpStatusCode.TooManyRequests => "Jira API rate limit hit (429). Server requested Retry-After: 1 seconds. Pause before retrying.",
        _ when error.Messages.Count > 0 => string.Join('\n', error.Messages),
        _ => error.Message,
    };

    private static CallToolResult Success(JsonNode answer)
    {
        var text = answer.ToJsonString(Pretty);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = JsonSerializer.SerializeToElement(new JsonObject { ["result"] = text }),
        };
    }

    private static CallToolResult Failure(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = text }] };

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]+-\d+(?:-\d+)*$")]
    private static partial Regex IssueKeyPattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]+$")]
    private static partial Regex ProjectKeyPattern();
}
