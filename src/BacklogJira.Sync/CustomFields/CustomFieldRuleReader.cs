using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd.Parsing;
using BacklogJira.Core.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.CustomFields;

/// <summary>Reads and checks config <c>customFields</c> (docs/field-mapping.md, "Rules"), with errors that name the rule
/// and the key. What needs Jira (does the field exist, what type is it) is checked when a run binds the rules.</summary>
public static class CustomFieldRuleReader
{
    public static IReadOnlyList<CustomFieldRule> Read(JsonNode? node, IReadOnlyCollection<string> builtInFields, Func<string, bool> builtInSynced)
    {
        ArgumentNullException.ThrowIfNull(builtInFields);
        ArgumentNullException.ThrowIfNull(builtInSynced);
        if (node is null) return [];
        if (node is not JsonArray list)
            throw new SyncConfigException("'customFields' in config.json must be a list of rules, e.g. [{\"jira\": \"Story Points\", \"backlog\": \"label:sp:\"}].");
        var rules = new List<CustomFieldRule>();
        for (var i = 0; i < list.Count; i++)
        {
            var where = $"customFields[{i}]";
            if (list[i] is not JsonObject rule) throw new SyncConfigException($"'{where}' in config.json must be an object with \"jira\" and \"backlog\".");
            rules.Add(ReadRule(rule, where, builtInSynced));
        }
        CheckClashes(rules, builtInFields);
        return rules;
    }

    private static CustomFieldRule ReadRule(JsonObject rule, string where, Func<string, bool> builtInSynced)
    {
        foreach (var (key, _) in rule)
        {
            if (key is not ("name" or "jira" or "backlog" or "direction" or "values" or "projects"))
                throw new SyncConfigException($"'{where}.{key}' in config.json is not a rule key; use name, jira, backlog, direction, values, projects.");
        }
        var jira = Text(rule["jira"], where + ".jira") is { Length: > 0 } field ? field.Trim()
            : throw new SyncConfigException($"'{where}.jira' in config.json is missing; name the Jira field by id (\"customfield_10016\") or by name (\"Story Points\").");
        var placeText = Text(rule["backlog"], where + ".backlog")
            ?? throw new SyncConfigException($"'{where}.backlog' in config.json is missing; use \"label:<prefix>\", \"section:<title>\", \"dueDate\" or \"milestone\".");
        var place = Place(placeText, where + ".backlog", builtInSynced);
        var name = Text(rule["name"], where + ".name") is { Length: > 0 } given ? given.Trim() : DefaultName(jira);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            throw new SyncConfigException($"'{where}.name' in config.json is \"{name}\"; use letters, digits, '-' and '_' only (it names the field in plans and snapshots).");
        var direction = Text(rule["direction"], where + ".direction")?.Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            null or "" or "both" => SyncDirection.Both,
            "tojira" => SyncDirection.ToJira,
            "tobacklog" => SyncDirection.ToBacklog,
            var other => throw new SyncConfigException($"'{where}.direction' in config.json is \"{other}\"; use \"both\" (the default), \"toJira\" or \"toBacklog\"."),
        };
        return new CustomFieldRule(name, jira, place, direction, Values(rule["values"], where + ".values"), Projects(rule["projects"], where + ".projects"));
    }

    private static TaskPlace Place(string text, string where, Func<string, bool> builtInSynced)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("label:", StringComparison.OrdinalIgnoreCase))
        {
            var prefix = trimmed["label:".Length..];
            return prefix.Length == 0 || prefix.Any(char.IsWhiteSpace)
                ? throw new SyncConfigException($"'{where}' in config.json is \"{text}\"; give the label prefix without spaces, e.g. \"label:sp:\" for labels such as sp:5.")
                : new TaskPlace.Label(prefix);
        }
        if (trimmed.StartsWith("section:", StringComparison.OrdinalIgnoreCase))
        {
            var title = trimmed["section:".Length..].Trim();
            if (title.Length == 0 || title.Contains('#', StringComparison.Ordinal))
                throw new SyncConfigException($"'{where}' in config.json is \"{text}\"; give the section's heading, e.g. \"section:QA Notes\".");
            if (SectionKind.KnownTitles.Contains(title))
                throw new SyncConfigException($"'{where}' in config.json names \"{title}\", a section Backlog.md owns; choose another heading, e.g. \"section:Jira {title}\".");
            return new TaskPlace.Section(title);
        }
        return trimmed.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "duedate" => builtInSynced("dueDate")
                ? throw new SyncConfigException($"'{where}' in config.json is \"dueDate\", which is synced with Jira's due date; set sync.fields.dueDate to false to map it to this field instead.")
                : new TaskPlace.DueDate(),
            "milestone" => builtInSynced("milestone")
                ? throw new SyncConfigException($"'{where}' in config.json is \"milestone\", which is synced with Jira's fix versions; set sync.fields.milestone to false to map it to this field instead.")
                : new TaskPlace.Milestone(),
            _ => throw new SyncConfigException($"'{where}' in config.json is \"{text}\"; use \"label:<prefix>\" (e.g. \"label:sp:\"), \"section:<title>\" (e.g. \"section:QA Notes\"), \"dueDate\" or \"milestone\"."),
        };
    }

    /// <summary>Two rules that could both claim one value (the same name, section or place, or label prefixes one of
    /// which starts the other) for a project both apply to are refused: the value would be read twice.</summary>
    private static void CheckClashes(List<CustomFieldRule> rules, IReadOnlyCollection<string> builtInFields)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (builtInFields.Contains(rules[i].Name, StringComparer.OrdinalIgnoreCase))
                throw new SyncConfigException($"'customFields[{i}].name' in config.json is \"{rules[i].Name}\", the name of a built-in field; give the rule another \"name\".");
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(rules[i].Name, rules[j].Name, StringComparison.OrdinalIgnoreCase))
                    throw new SyncConfigException($"'customFields[{i}]' and 'customFields[{j}]' in config.json are both named \"{rules[i].Name}\"; give one a different \"name\".");
                var overlap = rules[i].Projects.Count == 0 || rules[j].Projects.Count == 0 || rules[i].Projects.Intersect(rules[j].Projects, StringComparer.OrdinalIgnoreCase).Any();
                if (overlap && SamePlace(rules[i].Place, rules[j].Place))
                    throw new SyncConfigException($"'customFields[{i}]' and 'customFields[{j}]' in config.json both keep their value in {rules[j].Place} for the same projects; give each its own place, or name their \"projects\".");
            }
        }
    }

    private static bool SamePlace(TaskPlace left, TaskPlace right) => (left, right) switch
    {
        (TaskPlace.Label a, TaskPlace.Label b) => a.Prefix.StartsWith(b.Prefix, StringComparison.OrdinalIgnoreCase) || b.Prefix.StartsWith(a.Prefix, StringComparison.OrdinalIgnoreCase),
        (TaskPlace.Section a, TaskPlace.Section b) => SectionKind.Managed(a.Title).MarkerId == SectionKind.Managed(b.Title).MarkerId,
        _ => left.GetType() == right.GetType(),
    };

    /// <summary>A name from the Jira field: <c>Story Points</c> → <c>storyPoints</c>, <c>customfield_10016</c> → <c>customfield10016</c>.</summary>
    public static string DefaultName(string jiraField)
    {
        var words = new string([.. jiraField.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "custom";
        return string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
    }

    private static Dictionary<string, string> Values(JsonNode? node, string where)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node is null) return values;
        if (node is not JsonObject map) throw new SyncConfigException($"'{where}' in config.json must map task values to Jira values, e.g. {{\"high\": \"High\"}}.");
        foreach (var (key, value) in map)
        {
            values[key] = value is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Trim().Length > 0
                ? text.GetValue<string>().Trim()
                : throw new SyncConfigException($"'{where}.{key}' in config.json must be the Jira value as text.");
        }
        var twice = values.GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new SyncConfigException($"'{where}' in config.json maps {string.Join(" and ", twice.Select(v => $"\"{v.Key}\""))} to \"{twice.Key}\"; a Jira value coming back could not tell them apart, so map one task value to each.");
        return values;
    }

    private static IReadOnlyList<string> Projects(JsonNode? node, string where) => node switch
    {
        null => [],
        JsonArray list when list.All(i => i?.GetValueKind() == JsonValueKind.String && i.GetValue<string>().Trim().Length > 0) => [.. list.Select(i => i!.GetValue<string>().Trim())],
        _ => throw new SyncConfigException($"'{where}' in config.json must be a list of Jira project keys, e.g. [\"PROJ\"]."),
    };

    private static string? Text(JsonNode? node, string where) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new SyncConfigException($"'{where}' in config.json must be a string."),
    };
}
