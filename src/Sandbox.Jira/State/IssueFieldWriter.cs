using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Jira.Http;
using Sandbox.Jira.Model;

namespace Sandbox.Jira.State;

/// <summary>Applies the <c>fields</c> and <c>update</c> of a create or edit request to an issue with Jira's validation,
/// collecting every field error before refusing (one 400 names them all), and returns the changelog items.</summary>
internal sealed class IssueFieldWriter(SandboxIssue issue, SandboxProject project, SandboxData data, ApiContext context)
{
    private static readonly HashSet<string> Settable =
        ["summary", "description", "labels", "assignee", "reporter", "priority", "duedate", "fixVersions", "components", "parent", "issuetype", "project"];

    private readonly Dictionary<string, string> _errors = [];
    private readonly List<ChangeItem> _changes = [];

    public List<ChangeItem> Apply(JsonObject? fields, JsonObject? update, bool creating)
    {
        fields ??= [];
        update ??= [];
        foreach (var (name, _) in update)
        {
            if (fields.ContainsKey(name)) _errors[name] = $"Field '{name}' cannot be set in both fields and update.";
        }
        foreach (var (name, value) in fields) SetField(name, value, creating);
        foreach (var (name, operations) in update) ApplyOperations(name, operations as JsonArray, creating);
        if (creating && string.IsNullOrWhiteSpace(issue.Summary)) _errors.TryAdd("summary", "You must specify a summary of the issue.");
        if (_errors.Count == 0) CheckHierarchy(fields.ContainsKey("parent") || fields.ContainsKey("issuetype"), creating, fields.ContainsKey("parent"));
        if (_errors.Count == 0) CheckEpicLink();
        if (_errors.Count > 0) throw new JiraApiException(400, [], _errors);
        return _changes;
    }

    /// <summary>Jira's hierarchy (docs/reference/jira.md §10): a sub-task has a standard issue as parent, a standard
    /// issue may have an epic (Cloud's unified parent), an epic none. Data Center takes a parent only when a sub-task is
    /// created (moving one needs its Move wizard; epics use the Epic Link field).</summary>
    private void CheckHierarchy(bool touched, bool creating, bool parentGiven)
    {
        if (!touched && !creating) return;
        var type = SandboxProject.IssueTypes.Single(t => t.Id == issue.IssueTypeId);
        var parent = issue.ParentKey is null ? null : SandboxState.TryFindIssue(data, issue.ParentKey);
        if (type.Subtask && parent is null)
        {
            _errors["parent"] = "Issue type is a sub-task but parent issue key or id not specified.";
            return;
        }
        if (parent is null) return;
        if (!context.IsCloud && (!type.Subtask || (!creating && parentGiven)))
        {
            _errors["parent"] = "Field 'parent' cannot be set. It is not on the appropriate screen, or unknown.";
            return;
        }
        var parentLevel = SandboxProject.IssueTypes.Single(t => t.Id == parent.IssueTypeId).HierarchyLevel;
        if (parentLevel != type.HierarchyLevel + 1 || parent.Id == issue.Id)
            _errors["parent"] = "Given parent work item does not belong to appropriate hierarchy.";
    }

    /// <summary>Data Center's Epic Link: only a standard issue has one (a sub-task follows its parent's epic).</summary>
    private void CheckEpicLink()
    {
        var epicLink = CustomFieldCatalog.EpicLink.Id;
        if (issue.CustomFields.ContainsKey(epicLink) && SandboxProject.IssueTypes.Single(t => t.Id == issue.IssueTypeId).HierarchyLevel != 0)
            _errors[epicLink] = "Epic Link can only be set on a standard issue; a sub-task belongs to its parent's epic.";
    }

    private bool CheckSettable(string name, bool creating)
    {
        if (!(Settable.Contains(name) || CustomFieldCatalog.Find(name) is not null) || project.HiddenFields.Contains(name) || (!creating && name is "project")
            || (context.IsCloud && name == CustomFieldCatalog.EpicLink.Id))
        {
            _errors[name] = $"Field '{name}' cannot be set. It is not on the appropriate screen, or unknown.";
            return false;
        }
        return true;
    }

    private void SetField(string name, JsonNode? value, bool creating)
    {
        if (!CheckSettable(name, creating)) return;
        switch (name)
        {
            case "summary": SetSummary(value); break;
            case "description":
                try
                {
                    var stored = RichText.FromRequest(value, context, name);
                    if (!JsonNode.DeepEquals(stored, issue.Description))
                    {
                        Change(name, null, RichText.PlainText(issue.Description, context.IsCloud), null, RichText.PlainText(stored, context.IsCloud));
                        issue.Description = stored;
                    }
                }
                catch (JiraApiException error) { foreach (var (k, v) in error.Errors) _errors[k] = v; }
                break;
            case "labels": SetLabels(value is JsonArray array ? [.. array.Select(l => l?.ToString() ?? "")] : []); break;
            case "assignee": SetUser(name, value, id => issue.AssigneeId = id, issue.AssigneeId); break;
            case "reporter": SetUser(name, value, id => issue.ReporterId = id, issue.ReporterId); break;
            case "priority": SetPriority(value); break;
            case "duedate":
                var due = value?.ToString();
                if (due is not null && !DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    _errors[name] = "Error parsing date string: " + due;
                else if (due != issue.DueDate) { Change(name, issue.DueDate, issue.DueDate, due, due); issue.DueDate = due; }
                break;
            case "fixVersions": SetFixVersions(value); break;
            case "components": SetComponents(value); break;
            case "parent":
                var reference = Reference(value, "key") ?? Reference(value, "id");
                var parent = reference is null ? null : SandboxState.TryFindIssue(data, reference);
                if (reference is not null && parent is null) _errors[name] = $"Could not find issue by id or key.";
                else if (parent?.Key != issue.ParentKey)
                {
                    if (!creating) Change(name, null, issue.ParentKey, parent?.Id, parent?.Key);
                    issue.ParentKey = parent?.Key;
                }
                break;
            case "issuetype":
                var typeRef = Reference(value, "name") ?? Reference(value, "id");
                var type = SandboxProject.IssueTypes.FirstOrDefault(t => t.Id == typeRef || string.Equals(t.Name, typeRef, StringComparison.OrdinalIgnoreCase));
                if (type is null) _errors[name] = "Specify a valid issue type";
                else if (!creating && type.Id != issue.IssueTypeId && !CanRetype(type))
                    _errors[name] = "The issue type selected is invalid.";
                else
                {
                    if (!creating && type.Id != issue.IssueTypeId)
                        Change(name, issue.IssueTypeId, TypeName(issue.IssueTypeId), type.Id, type.Name);
                    issue.IssueTypeId = type.Id;
                }
                break;
            case "project":
                break;
            default: SetCustom(CustomFieldCatalog.Find(name)!, value); break;
        }
    }

    /// <summary>A custom field's value, checked and kept in its canonical form (docs/reference/jira.md §7).</summary>
    private void SetCustom(CustomField field, JsonNode? value)
    {
        if (field == CustomFieldCatalog.Sprint)
        {
            SetSprint(value);
            return;
        }
        var values = new CustomFieldValues(data, project, context);
        var stored = values.Parse(field, value, out var error);
        if (error is not null)
        {
            _errors[field.Id] = error;
            return;
        }
        var before = issue.CustomFields.GetValueOrDefault(field.Id);
        if (JsonNode.DeepEquals(before, stored)) return;
        Change(field.Name, null, Shown(field, before), null, Shown(field, stored));
        if (stored is null) issue.CustomFields.Remove(field.Id);
        else issue.CustomFields[field.Id] = stored;
    }

    /// <summary>The Sprint field takes one sprint id (or null: back to the backlog); only a future or active sprint.</summary>
    private void SetSprint(JsonNode? value)
    {
        SandboxSprint? target = null;
        if (value is not null)
        {
            var id = value is JsonValue number && number.TryGetValue<long>(out var parsed) ? parsed : (long?)null;
            target = id is null ? null : SprintMembership.Find(data, id.Value);
            if (target is null)
            {
                _errors[CustomFieldCatalog.Sprint.Id] = $"Sprint with id {value.ToJsonString()} does not exist.";
                return;
            }
            if (!target.IsOpen)
            {
                _errors[CustomFieldCatalog.Sprint.Id] = "Issues can only be moved to a future or active sprint.";
                return;
            }
        }
        if (SprintMembership.MoveTo(issue, target, data) is { } change) _changes.Add(change);
    }

    private string? Shown(CustomField field, JsonNode? stored) =>
        stored is null ? null : CustomFieldValues.Display(field, stored, data, project, context.IsCloud);

    /// <summary>Versions by <c>{"name"}</c> or <c>{"id"}</c>, each one of the project's; the whole list is replaced.</summary>
    private void SetFixVersions(JsonNode? value)
    {
        if (Resolve(value, "fixVersions", "Version", project.Versions.Select(v => (v.Id, v.Name))) is not { } wanted) return;
        foreach (var removed in issue.FixVersionIds.Except(wanted)) Change("Fix Version", removed, project.Versions.FirstOrDefault(v => v.Id == removed)?.Name, null, null);
        foreach (var added in wanted.Except(issue.FixVersionIds)) Change("Fix Version", null, null, added, project.Versions.FirstOrDefault(v => v.Id == added)?.Name);
        issue.FixVersionIds = wanted;
    }

    /// <summary>Components by <c>{"name"}</c> or <c>{"id"}</c>, each one of the project's; the whole list is replaced.</summary>
    private void SetComponents(JsonNode? value)
    {
        if (Resolve(value, "components", "Component", project.Components.Select(c => (c.Id, c.Name))) is not { } wanted) return;
        foreach (var removed in issue.ComponentIds.Except(wanted)) Change("Component", removed, project.Components.FirstOrDefault(c => c.Id == removed)?.Name, null, null);
        foreach (var added in wanted.Except(issue.ComponentIds)) Change("Component", null, null, added, project.Components.FirstOrDefault(c => c.Id == added)?.Name);
        issue.ComponentIds = wanted;
    }

    /// <summary>The ids a list of <c>{"name"}</c> / <c>{"id"}</c> references names, or null with Jira's error
    /// (<c>Version name 'X' is not valid</c>) when one is not among <paramref name="known"/>.</summary>
    private List<string>? Resolve(JsonNode? value, string field, string noun, IEnumerable<(string Id, string Name)> known)
    {
        var options = known.ToList();
        var wanted = new List<string>();
        foreach (var item in value as JsonArray ?? [])
        {
            var byName = Reference(item, "name");
            var byId = Reference(item, "id");
            var match = options.FirstOrDefault(o => byId is not null ? o.Id == byId : string.Equals(o.Name, byName, StringComparison.OrdinalIgnoreCase));
            if (match.Id is null)
            {
                _errors[field] = byId is not null ? $"{noun} id '{byId}' is not valid" : $"{noun} name '{byName}' is not valid";
                return null;
            }
            if (!wanted.Contains(match.Id)) wanted.Add(match.Id);
        }
        return wanted;
    }

    /// <summary>An edit may change the type only within its kind (standard or sub-task) and workflow; anything else
    /// needs Jira's Move wizard, which the REST edit refuses (docs/reference/jira.md).</summary>
    private bool CanRetype(IssueType target)
    {
        var current = SandboxProject.IssueTypes.FirstOrDefault(t => t.Id == issue.IssueTypeId);
        return current is not null && current.Subtask == target.Subtask && project.WorkflowFor(current.Id) == project.WorkflowFor(target.Id);
    }

    private static string? TypeName(string id) => SandboxProject.IssueTypes.FirstOrDefault(t => t.Id == id)?.Name;

    private void ApplyOperations(string name, JsonArray? operations, bool creating)
    {
        if (!CheckSettable(name, creating) || operations is null) return;
        foreach (var operation in operations.OfType<JsonObject>())
        {
            foreach (var (verb, argument) in operation)
            {
                if (name == "labels")
                {
                    var labels = issue.Labels.ToList();
                    switch (verb)
                    {
                        case "add": if (!labels.Contains(argument?.ToString() ?? "")) labels.Add(argument?.ToString() ?? ""); break;
                        case "remove": labels.Remove(argument?.ToString() ?? ""); break;
                        case "set": labels = argument is JsonArray set ? [.. set.Select(l => l?.ToString() ?? "")] : []; break;
                    }
                    SetLabels(labels);
                }
                else if (verb == "set") SetField(name, argument, creating);
                else _errors[name] = $"Operation '{verb}' is not supported for field '{name}'.";
            }
        }
    }

    private void SetSummary(JsonNode? value)
    {
        var summary = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(summary)) _errors["summary"] = "You must specify a summary of the issue.";
        else if (summary.Length > 254) _errors["summary"] = "Summary must be less than 255 characters.";
        else if (summary.Contains('\n', StringComparison.Ordinal) || summary.Contains('\r', StringComparison.Ordinal))
            _errors["summary"] = "The summary is invalid because it contains newline characters.";
        else if (summary != issue.Summary)
        {
            if (issue.Summary.Length > 0) Change("summary", null, issue.Summary, null, summary);
            issue.Summary = summary;
        }
    }

    private void SetLabels(List<string> labels)
    {
        var invalid = labels.FirstOrDefault(l => l.Length == 0 || l.Any(char.IsWhiteSpace));
        if (invalid is not null)
        {
            _errors["labels"] = $"The label '{invalid}' contains spaces which is invalid.";
            return;
        }
        if (labels.SequenceEqual(issue.Labels)) return;
        Change("labels", null, string.Join(' ', issue.Labels), null, string.Join(' ', labels));
        issue.Labels = labels;
    }

    private void SetUser(string field, JsonNode? value, Action<string?> assign, string? current)
    {
        string? wanted = value is null ? null : context.IsCloud
            ? Reference(value, "accountId") ?? Reference(value, "id")
            : Reference(value, "name") ?? Reference(value, "key");
        if (wanted is "-1") wanted = null;
        SandboxUser? user = null;
        if (wanted is not null)
        {
            user = data.Users.FirstOrDefault(u => context.IsCloud ? u.AccountId == wanted : u.Name == wanted || u.Key == wanted);
            if (user is null || !user.Active)
            {
                _errors[field] = context.IsCloud ? "Specify a valid value for " + field : $"User '{wanted}' does not exist.";
                return;
            }
        }
        if (user?.Key == current) return;
        var before = current is null ? null : SandboxState.FindUser(data, current);
        Change(field, IdOf(before), before?.DisplayName, IdOf(user), user?.DisplayName);
        assign(user?.Key);
    }

    private string? IdOf(SandboxUser? user) => user is null ? null : context.IsCloud ? user.AccountId : user.Name;

    private void SetPriority(JsonNode? value)
    {
        if (value is null) { issue.PriorityId = null; return; }
        var name = Reference(value, "name");
        var id = Reference(value, "id");
        var priority = SandboxProject.Priorities.FirstOrDefault(p => p.Id == id || string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (priority is null)
        {
            _errors["priority"] = name is not null ? $"Priority name '{name}' is not valid" : $"Priority with id '{id}' does not exist";
            return;
        }
        if (priority.Id == issue.PriorityId) return;
        var before = SandboxProject.Priorities.FirstOrDefault(p => p.Id == issue.PriorityId);
        Change("priority", before?.Id, before?.Name, priority.Id, priority.Name);
        issue.PriorityId = priority.Id;
    }

    private static string? Reference(JsonNode? value, string property) =>
        value is JsonObject o && o[property] is JsonValue v ? v.ToString() : null;

    private void Change(string field, string? from, string? fromText, string? to, string? toText) =>
        _changes.Add(new ChangeItem(field, "jira", from, fromText, to, toText));
}
