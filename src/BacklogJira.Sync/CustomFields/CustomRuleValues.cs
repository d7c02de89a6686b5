using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.CustomFields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;

namespace BacklogJira.Sync.CustomFields;

/// <summary>
/// What both shapes of a rule's descriptor share (docs/field-mapping.md): reading the items of its task place and of its
/// Jira field in one canonical form (Jira's spelling of options and versions, handles for users), and writing items back
/// to either. A value one side cannot hold is never read as empty: it waits with its reason.
/// </summary>
internal sealed class CustomRuleValues(CustomFieldBinding binding)
{
    private CustomFieldRule Rule => binding.Rule;
    private CustomFieldKind Kind => binding.Kind;

    public IReadOnlyList<string> JiraFieldIds => [binding.Field.Id];

    public bool WritesMilestone => Rule.Place is TaskPlace.Milestone;

    /// <summary>The task's items, canonical; or why they cannot be (then the side value keeps the task's own texts).</summary>
    public Read ReadTask(TaskReading reading)
    {
        var project = reading.Config.JiraProjectFor(reading.Task.Project) ?? reading.Config.ProjectKey;
        if (!Rule.AppliesTo(project)) return Read.NotHeld($"rule {Rule.Name} applies to {string.Join(", ", Rule.Projects)} only");
        var raw = TaskItems(reading);
        var items = new List<string>();
        foreach (var text in raw)
        {
            var jiraSpelling = Spell(text, Rule.ToJira);
            if (Kind.IsUsers())
            {
                var handle = AssigneeMapping.Handle(jiraSpelling);
                if (reading.Config.Assignees.ToJira(handle) is null)
                    return Read.Waiting(raw, $"{handle} has no Jira user for {binding.Field.Name}; map it with: backlog-jira map-assignees add {handle} <email, accountId or user name>");
                items.Add(handle);
                continue;
            }
            if (CustomFieldText.Canonical(Kind, jiraSpelling, out var problem) is not { } canonical)
                return Read.Waiting(raw, $"{Where}: {problem}, which {binding.Field.Name} ({Kind.Label()}) cannot take; fix the value in the task");
            items.Add(canonical);
        }
        return Read.Items(items);
    }

    public Read ReadIssue(IssueReading reading)
    {
        if (!Rule.AppliesTo(reading.Issue.ProjectKey)) return Read.NotHeld($"rule {Rule.Name} applies to {string.Join(", ", Rule.Projects)} only");
        if (!reading.Issue.CustomFields.TryGetValue(binding.Field.Id, out var json))
            return Read.NotHeld($"{reading.Issue.Key} has no field {binding.Field.Name} ({binding.Field.Id}): it is not on the issue type's screens or context; add it in Jira, or limit the rule with \"projects\"");
        if (Kind.IsUsers())
        {
            if (CustomFieldJson.Users(json) is not { } users) return Read.Unreadable(json?.ToJsonString() ?? "", $"{binding.Field.Name} holds a value that is not a user");
            var handles = new List<string>();
            foreach (var user in users)
            {
                var handle = reading.Config.Assignees.ToBacklog([user.AccountId, user.Name, user.Key, user.Email, user.DisplayName]);
                if (handle is null)
                    return Read.Unreadable(user.DisplayName, $"{binding.Field.Name} user {user.DisplayName} has no Backlog handle; map it with: {AssigneeMapping.MapCommand(user.DisplayName, user.AccountId ?? user.Name ?? user.DisplayName)}");
                handles.Add(handle);
            }
            return Read.Items(handles);
        }
        return CustomFieldJson.Items(Kind, json) is { } items
            ? Read.Items(items)
            : Read.Unreadable(json?.ToJsonString() ?? "", $"{binding.Field.Name} holds {json?.ToJsonString()}, which is not a {Kind.Label()} value as backlog-jira reads it");
    }

    /// <summary>The task edit that puts <paramref name="items"/> (canonical) in the rule's place.</summary>
    public TaskEdit WriteTask(TaskEdit edit, IReadOnlyList<string> items, TaskWriting writing)
    {
        var spelled = items.Select(i => Spell(i, Rule.ToTask)).ToList();
        return Rule.Place switch
        {
            TaskPlace.Label label => edit with
            {
                Labels = [.. (edit.Labels ?? writing.Task.Labels).Where(l => !label.Owns(l)).Concat(spelled.Select(s => label.Prefix + s))],
            },
            TaskPlace.Section section => edit with
            {
                ManagedSections = new Dictionary<string, string>(edit.ManagedSections, StringComparer.OrdinalIgnoreCase) { [section.Title] = SectionText(spelled) },
            },
            TaskPlace.DueDate => edit with { DueDate = spelled.FirstOrDefault() ?? "" },
            TaskPlace.Milestone => edit with { Milestone = spelled.FirstOrDefault() is { } title ? writing.Milestones.IdFor(title) ?? title : "" },
            _ => edit,
        };
    }

    public NewTask ToNewTask(NewTask task, IReadOnlyList<string> items, TaskWriting writing)
    {
        if (items.Count == 0) return task;
        var spelled = items.Select(i => Spell(i, Rule.ToTask)).ToList();
        return Rule.Place switch
        {
            TaskPlace.Label label => task with { Labels = [.. task.Labels.Where(l => !label.Owns(l)).Concat(spelled.Select(s => label.Prefix + s))] },
            TaskPlace.Section section => task with
            {
                ManagedSections = new Dictionary<string, string>(task.ManagedSections, StringComparer.OrdinalIgnoreCase) { [section.Title] = SectionText(spelled) },
            },
            TaskPlace.DueDate => task with { DueDate = spelled[0] },
            TaskPlace.Milestone => task with { Milestone = writing.Milestones.IdFor(spelled[0]) ?? spelled[0] },
            _ => task,
        };
    }

    /// <summary>The value in Jira's request shape; null (with a warning) when a user cannot be found.</summary>
    public async Task<JiraFieldValue?> ToJiraAsync(JiraWriting writing, IReadOnlyList<string> items, CancellationToken cancellationToken)
    {
        if (!Kind.IsUsers()) return CustomFieldJson.Request(Kind, items);
        var users = new List<JiraUser>();
        foreach (var handle in items)
        {
            if (await JiraUserLookup.FindAsync(writing, handle, cancellationToken) is not { } user) return null;
            users.Add(user);
        }
        return new JiraFieldValue.Users(users, Kind == CustomFieldKind.User);
    }

    public JiraIssueUpdate Set(JiraIssueUpdate update, JiraFieldValue value) =>
        update with { CustomFields = new Dictionary<string, JiraFieldValue>(update.CustomFields) { [binding.Field.Id] = value } };

    public JiraIssueDraft Set(JiraIssueDraft draft, JiraFieldValue value) =>
        draft with { CustomFields = new Dictionary<string, JiraFieldValue>(draft.CustomFields) { [binding.Field.Id] = value } };

    /// <summary>A value through the rule's value map; a cascading select's parent and child each on their own
    /// (<c>prod / EU</c> → <c>Production / EU</c>).</summary>
    private string Spell(string value, Func<string, string> map)
    {
        if (Kind != CustomFieldKind.Cascading) return map(value);
        var (parent, child) = CustomFieldText.SplitCascading(value);
        return child is null ? map(parent) : CustomFieldText.Cascading(map(parent), map(child));
    }

    private string Where => Rule.Place switch
    {
        TaskPlace.Label label => $"label {label.Prefix}…",
        TaskPlace.Section section => $"section \"{section.Title}\"",
        var place => place.ToString()!,
    };

    /// <summary>The texts the task holds in the rule's place, in the task's spelling.</summary>
    private List<string> TaskItems(TaskReading reading)
    {
        var task = reading.Task;
        return Rule.Place switch
        {
            TaskPlace.Label label => [.. task.Labels.Where(label.Owns).Select(l => l.Trim()[label.Prefix.Length..].Trim()).Where(v => v.Length > 0)],
            TaskPlace.Section section => task.ManagedSections.TryGetValue(section.Title, out var text) ? SectionItems(text) : [],
            TaskPlace.DueDate => string.IsNullOrWhiteSpace(task.DueDate) ? [] : [task.DueDate.Trim()],
            TaskPlace.Milestone => string.IsNullOrWhiteSpace(task.Milestone) ? [] : [reading.Milestones.Title(task.Milestone)],
            _ => [],
        };
    }

    /// <summary>A section holds a list as one <c>- item</c> line each, and anything else as its text.</summary>
    private string SectionText(IReadOnlyList<string> items) => Kind.IsList() ? string.Join('\n', items.Select(i => "- " + i)) : (items.Count > 0 ? items[0] : "");

    private List<string> SectionItems(string text)
    {
        if (Kind == CustomFieldKind.RichText) return [CanonicalText.Markdown(text)];
        if (!Kind.IsList()) return text.Trim().Length == 0 ? [] : [text.Trim()];
        return [.. text.Split('\n').Select(l => l.Trim()).Select(l => l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("* ", StringComparison.Ordinal) ? l[2..].Trim() : l).Where(l => l.Length > 0)];
    }

    /// <summary>One side's reading of the rule: canonical items, or a reason it holds nothing to compare.</summary>
    internal sealed record Read(IReadOnlyList<string>? Values, IReadOnlyList<string>? Raw, string? Shown, string? Reason, bool Held)
    {
        public static Read Items(IReadOnlyList<string> values) => new(values, null, null, null, true);

        /// <summary>The side holds texts the other side cannot take (kept, waiting).</summary>
        public static Read Waiting(IReadOnlyList<string> raw, string reason) => new(null, raw, null, reason, true);

        /// <summary>The side holds something with no canonical form (an unmapped user, an unexpected shape).</summary>
        public static Read Unreadable(string shown, string reason) => new(null, null, shown, reason, true);

        public static Read NotHeld(string reason) => new(null, null, null, reason, false);
    }
}
