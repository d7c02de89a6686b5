using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using ModelContextProtocol.Protocol;

namespace Sandbox.Jira.Mcp;

/// <summary>
/// The tools' behaviour, mirroring mcp-atlassian 0.23 (docs/reference/jira.md §1.2–1.4) over any <see cref="IJiraClient"/>:
/// JSON answers as pretty text plus <c>structuredContent {"result": text}</c>; exceptions as <c>isError</c> with
/// <c>Error calling tool '&lt;fn&gt;': …</c>; <c>jira_update_issue</c> and the user tools reporting failure inside a
/// successful answer; search flattening descriptions; transitions listed without their target.
/// </summary>
internal sealed partial class SoopersetTools(IJiraClient jira, Uri baseUrl, JiraDeployment deployment, ToolFaults faults)
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
        catch (JiraException error)
        {
            return Failure($"Error calling tool '{function}': {Describe(error)}");
        }
    }

    private async Task<JsonNode> GetIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var issue = await jira.GetIssueAsync(key, cancellationToken) ?? throw new JiraNotFoundException($"Issue {key} not found. Verify the issue key and project access.");
        var fields = Fields(args);
        var json = SimplifiedIssue.From(issue, baseUrl, deployment, fields);
        var commentLimit = args.Int("comment_limit", 10);
        if (commentLimit > 0 && (fields.Contains("comment") || !args.Has("fields")))
        {
            var comments = await jira.GetCommentsAsync(key, cancellationToken);
            json["comments"] = new JsonArray([.. comments.TakeLast(commentLimit).Select(c => (JsonNode?)new JsonObject
            {
                ["id"] = c.Id,
                ["body"] = c.Body,
                ["author"] = c.Author is null ? null : SimplifiedIssue.User(c.Author, deployment),
                ["created"] = c.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000",
            })]);
        }
        return json;
    }

    private async Task<JsonNode> SearchAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var jql = args.Required("jql");
        var limit = Math.Max(1, args.Int("limit", 10));
        if (deployment == JiraDeployment.DataCenter) limit = Math.Min(limit, 50);
        // Cloud ignores start_at and pages by token; Data Center pages by start_at.
        var start = deployment == JiraDeployment.Cloud
            ? args.String("page_token") is { Length: > 0 } token ? DecodeToken(token) : 0
            : args.Int("start_at", 0);
        var all = await jira.SearchAsync(jql, cancellationToken);
        var page = all.Skip(start).Take(limit).ToList();
        var fields = Fields(args);
        var result = new JsonObject
        {
            ["total"] = deployment == JiraDeployment.Cloud ? -1 : all.Count,
            ["start_at"] = deployment == JiraDeployment.Cloud ? 0 : start,
            ["max_results"] = limit,
            ["issues"] = new JsonArray([.. page.Select(i => (JsonNode?)SimplifiedIssue.From(i, baseUrl, deployment, fields, descriptionForm: "flattened"))]),
        };
        if (deployment == JiraDeployment.Cloud && start + page.Count < all.Count) result["next_page_token"] = EncodeToken(start + page.Count);
        return result;
    }

    private async Task<JsonNode> CreateIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var additional = args.JsonObjectString("additional_fields") ?? [];
        JiraUser? assignee = null;
        if (args.String("assignee") is { Length: > 0 } who) assignee = await jira.FindUserAsync(who, cancellationToken); // unresolvable: only logged, as upstream
        var draft = new JiraIssueDraft
        {
            ProjectKey = ProjectKey(args.Required("project_key")),
            Summary = args.Required("summary"),
            IssueType = args.Required("issue_type"),
            Description = args.String("description"),
            PriorityName = PriorityName(additional["priority"]),
            Labels = Labels(additional["labels"]) ?? [],
            ParentKey = additional["parent"] is JsonObject parent ? parent["key"]?.GetValue<string>() : additional["parent"]?.GetValue<string>(),
            Assignee = assignee,
            DueDate = additional["duedate"]?.GetValue<string>(),
            Reporter = await UserAsync(additional["reporter"], cancellationToken),
            FixVersions = VersionNames(additional["fixVersions"]) ?? [],
        };
        var created = await jira.CreateIssueAsync(draft, cancellationToken);
        var issue = await jira.GetIssueAsync(created.Key, cancellationToken) ?? throw new JiraException($"Issue {created.Key} not found after creation.");
        // The echo is built from the raw v2 answer: wiki markup on both deployments, not the Markdown that was sent.
        return new JsonObject { ["message"] = "Issue created successfully", ["issue"] = SimplifiedIssue.From(issue with { Description = SimplifiedIssue.Flatten(issue.Description, JiraDeployment.DataCenter) }, baseUrl, deployment, ["*all"]) };
    }

    private async Task<JsonNode> UpdateIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var fields = args.JsonObjectString("fields") ?? throw new ToolInputException("1 validation error for call[fields]\n  Field required");
        foreach (var (name, value) in args.JsonObjectString("additional_fields") ?? []) fields[name] = value?.DeepClone();
        var performed = new JsonArray();
        var failed = new JsonArray();
        try
        {
            if (faults.UpdateFails) throw new JiraRequestRejectedException("Field 'summary' cannot be set. It is not on the appropriate screen, or unknown.", [], new Dictionary<string, string>());
            JiraUser? assignee = null;
            var assigneeGiven = fields.ContainsKey("assignee");
            if (fields["assignee"] is JsonValue who && who.GetValue<string>() is { Length: > 0 } identifier)
                assignee = await jira.FindUserAsync(identifier, cancellationToken) ?? throw new JiraException($"Could not find account ID for user: {identifier}");
            // Keys that are not fields are dropped with only a log line, as upstream does.
            var update = new JiraIssueUpdate
            {
                Summary = fields["summary"]?.GetValue<string>(),
                ChangeDescription = fields.ContainsKey("description"),
                Description = fields["description"]?.GetValue<string>(),
                Labels = Labels(fields["labels"]),
                PriorityName = PriorityName(fields["priority"]),
                ChangeAssignee = assigneeGiven,
                // None passes through and clears the field, as upstream's issues.py does for every field.
                ChangeDueDate = fields.ContainsKey("duedate"),
                DueDate = fields["duedate"]?.GetValue<string>(),
                IssueTypeName = fields["issuetype"] is JsonObject type ? type["name"]?.GetValue<string>() : fields["issuetype"]?.GetValue<string>(),
                Reporter = await UserAsync(fields["reporter"], cancellationToken),
                FixVersions = VersionNames(fields["fixVersions"]),
                Assignee = assignee,
                ChangeParent = fields.ContainsKey("parent"),
                ParentKey = fields["parent"] is JsonObject parent ? parent["key"]?.GetValue<string>() : fields["parent"]?.GetValue<string>(),
            };
            if (!update.IsEmpty)
            {
                await jira.UpdateIssueAsync(key, update, cancellationToken);
                performed.Add("fields_updated");
            }
        }
        catch (JiraException error)
        {
            failed.Add($"fields_update: {Describe(error)}");
        }
        var issue = await jira.GetIssueAsync(key, cancellationToken) ?? throw new JiraNotFoundException($"Issue {key} not found. Verify the issue key and project access.");
        var message = failed.Count > 0 ? (performed.Count > 0 ? "Issue update completed with errors" : "Issue update failed")
            : performed.Count > 0 ? "Issue updated successfully" : "No issue updates were requested";
        var returnFields = (args.String("return_fields") ?? "*all").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new JsonObject
        {
            ["message"] = message,
            ["issue"] = SimplifiedIssue.From(issue, baseUrl, deployment, returnFields),
            ["operations_performed"] = performed,
            ["operations_failed"] = failed,
        };
    }

    private async Task<JsonNode> AssignIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        JiraUser? user = null;
        if (args.String("assignee") is { Length: > 0 } who)
            user = await jira.FindUserAsync(who, cancellationToken) ?? throw new JiraException($"Failed to assign issue {key}: Could not find account ID for user: {who}");
        await jira.UpdateIssueAsync(key, new JiraIssueUpdate { ChangeAssignee = true, Assignee = user }, cancellationToken);
        var issue = await jira.GetIssueAsync(key, cancellationToken) ?? throw new JiraNotFoundException($"Issue {key} not found.");
        return new JsonObject { ["message"] = $"Issue {key} assigned successfully", ["issue"] = SimplifiedIssue.From(issue, baseUrl, deployment, ["*all"]) };
    }

    /// <summary>id as a number and no target status: atlassian-python-api flattens <c>to</c> to a string that
    /// mcp-atlassian's normaliser does not read (docs/reference/jira.md §1.4).</summary>
    private async Task<JsonNode> GetTransitionsAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var transitions = await jira.GetTransitionsAsync(IssueKey(args), cancellationToken);
        return new JsonArray([.. transitions.Select(t => (JsonNode?)new JsonObject
        {
            ["id"] = int.TryParse(t.Id, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(t.Id),
            ["name"] = t.Name,
        })]);
    }

    private async Task<JsonNode> TransitionIssueAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var key = IssueKey(args);
        var wanted = args.Required("transition_id");
        var available = await jira.GetTransitionsAsync(key, cancellationToken);
        var transition = available.FirstOrDefault(t => t.Id == wanted) ?? available.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw new JiraException($"Transition '{wanted}' not found. Available options: {string.Join(", ", available.Select(t => $"{t.Name} ({t.Id})"))}");
        var values = new Dictionary<string, string>();
        foreach (var (field, value) in args.JsonObjectString("fields") ?? [])
            values[field] = value is JsonObject named ? named["name"]?.GetValue<string>() ?? named["value"]?.GetValue<string>() ?? "" : value?.GetValue<string>() ?? "";
        await jira.TransitionAsync(key, transition.Id, values, cancellationToken);
        var issue = await jira.GetIssueAsync(key, cancellationToken) ?? throw new JiraNotFoundException($"Issue {key} not found.");
        return new JsonObject { ["message"] = $"Issue {key} transitioned successfully", ["issue"] = SimplifiedIssue.From(issue, baseUrl, deployment, ["*all"]) };
    }

    /// <summary>Versions as names or <c>{"name"}</c> objects (upstream's <c>_format_versions_components</c>).</summary>
    private static List<string>? VersionNames(JsonNode? value) => value is JsonArray list
        ? [.. list.Select(v => v is JsonObject o ? o["name"]?.GetValue<string>() : v?.GetValue<string>()).OfType<string>()]
        : null;

    /// <summary>A user given as an identifier or as <c>{accountId}</c>/<c>{name}</c>, as upstream's fields.py takes a
    /// reporter; one that does not resolve is dropped with a log line there, and refused here the way Jira would.</summary>
    private async Task<JiraUser?> UserAsync(JsonNode? value, CancellationToken cancellationToken)
    {
        var identifier = value is JsonObject named ? named["accountId"]?.GetValue<string>() ?? named["name"]?.GetValue<string>() : value?.GetValue<string>();
        if (string.IsNullOrEmpty(identifier)) return null;
        return await jira.FindUserAsync(identifier, cancellationToken) ?? throw new JiraException($"Could not find account ID for user: {identifier}");
    }

    private async Task<JsonNode> AddCommentAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var comment = await jira.AddCommentAsync(IssueKey(args), args.Required("body"), cancellationToken);
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["body"] = comment.Body,
            // Python's str(datetime), and the author as a bare display name (§1.3).
            ["created"] = comment.Created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00",
            ["author"] = comment.Author?.DisplayName,
        };
    }

    /// <summary>Failures inside a successful answer: <c>{"success": false, "error", "user_identifier"}</c>.</summary>
    private async Task<JsonNode> GetUserProfileAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var identifier = args.Required("user_identifier");
        if (faults.SoftFail.Contains("jira_get_user_profile"))
            return new JsonObject { ["success"] = false, ["error"] = "503 Server Error: Service Unavailable for url: " + baseUrl, ["user_identifier"] = identifier };
        try
        {
            var user = identifier == "me" ? await jira.GetMyselfAsync(cancellationToken) : await jira.FindUserAsync(identifier, cancellationToken);
            return user is null
                ? new JsonObject { ["success"] = false, ["error"] = $"User '{identifier}' not found.", ["user_identifier"] = identifier }
                : new JsonObject { ["success"] = true, ["user"] = SimplifiedIssue.User(user, deployment) };
        }
        catch (JiraException error)
        {
            return new JsonObject { ["success"] = false, ["error"] = Describe(error), ["user_identifier"] = identifier };
        }
    }

    /// <summary>The raw project objects, as a JSON array (0.23; 0.11 returned the same).</summary>
    private async Task<JsonNode> GetAllProjectsAsync(CancellationToken cancellationToken) =>
        new JsonArray([.. (await jira.GetProjectsAsync(cancellationToken)).Select(p => (JsonNode?)new JsonObject
        {
            ["id"] = p.Id, ["key"] = p.Key, ["name"] = p.Name, ["self"] = new Uri(baseUrl, $"rest/api/2/project/{p.Id}").ToString(),
        })]);

    /// <summary>Versions as upstream's <c>JiraVersion.to_simplified_dict</c>: id, name, released, archived.</summary>
    private async Task<JsonNode> GetProjectVersionsAsync(ToolArguments args, CancellationToken cancellationToken) =>
        new JsonArray([.. (await jira.GetVersionsAsync(ProjectKey(args.Required("project_key")), cancellationToken))
            .Select(v => (JsonNode?)new JsonObject { ["id"] = v.Id, ["name"] = v.Name, ["released"] = v.Released, ["archived"] = v.Archived })]);

    /// <summary>Jira's answer as is; a failure comes back inside a successful answer, as upstream does.</summary>
    private async Task<JsonNode> CreateVersionAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        try
        {
            var version = await jira.CreateVersionAsync(ProjectKey(args.Required("project_key")), args.Required("name"), cancellationToken);
            return new JsonObject { ["id"] = version.Id, ["name"] = version.Name, ["released"] = version.Released, ["archived"] = version.Archived };
        }
        catch (JiraException error)
        {
            return new JsonObject { ["success"] = false, ["error"] = error.Message };
        }
    }

    private async Task<JsonNode> SearchFieldsAsync(ToolArguments args, CancellationToken cancellationToken)
    {
        var keyword = args.String("keyword") ?? "";
        var fields = await jira.GetFieldsAsync(cancellationToken);
        return new JsonArray([.. fields
            .Where(f => keyword.Length == 0 || f.Name.Contains(keyword, StringComparison.OrdinalIgnoreCase) || f.Id.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            .Take(args.Int("limit", 10))
            .Select(f => (JsonNode?)new JsonObject { ["id"] = f.Id, ["name"] = f.Name, ["custom"] = f.Custom, ["schema"] = f.SchemaType is null ? null : new JsonObject { ["type"] = f.SchemaType } })]);
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
        JsonObject priority => priority["name"]?.GetValue<string>(),
        JsonValue name => name.GetValue<string>(),
        _ => null,
    };

    private static IReadOnlyList<string>? Labels(JsonNode? value) => value switch
    {
        JsonArray list => [.. list.Select(l => l?.GetValue<string>() ?? "")],
        JsonValue csv => [.. csv.GetValue<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        _ => null,
    };

    /// <summary>The text atlassian-python-api builds from Jira's error body (errorMessages, then the values of errors),
    /// or mcp-atlassian's own phrases for 401, 404 and 429.</summary>
    private static string Describe(JiraException error) => error switch
    {
        JiraAuthenticationException or JiraPermissionException => $"Authentication failed for Jira API ({(int)(error.Status ?? System.Net.HttpStatusCode.Unauthorized)}). Token may be expired or invalid. Please verify credentials.",
        JiraRateLimitedException => "Jira API rate limit hit (429). Server requested Retry-After: 1 seconds. Pause before retrying.",
        JiraRequestRejectedException rejected when rejected.ErrorMessages.Count + rejected.FieldErrors.Count > 0 =>
            string.Join('\n', rejected.ErrorMessages.Concat(rejected.FieldErrors.Values)),
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

    private static string EncodeToken(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeToken(string token)
    {
        try { return int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token))["offset:".Length..], CultureInfo.InvariantCulture); }
        catch (FormatException) { throw new JiraRequestRejectedException("The provided next page token is invalid or expired.", ["The provided next page token is invalid or expired."], new Dictionary<string, string>()); }
    }

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]+-\d+(?:-\d+)*$")]
    private static partial Regex IssueKeyPattern();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]+$")]
    private static partial Regex ProjectKeyPattern();
}
