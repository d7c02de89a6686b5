using System.Text.Json.Nodes;

namespace BacklogJira.Sync.State;

/// <summary>
/// The keys <c>config.json</c> may hold (ours and the original plugin's). A key outside them is kept (written back as
/// it was) but named in a warning, with the known key it was probably meant to be: a misspelt <c>projectkey</c> must
/// not silently leave the project key empty.
/// </summary>
internal static class ConfigKeys
{
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        [""] = ["schemaVersion", "jira", "backlog", "sync", "mcp", "customFields"],
        ["jira"] = ["baseUrl", "projectKey", "issueType", "jqlFilter", "transport", "transitionFields", "transitionTargets", "createVersions", "projectMap", "dependencyLinkType", "subtaskIssueType", "milestoneAs", "sprintBoardId"],
        ["backlog"] = ["statusMapping", "projectOverrides", "priorityMapping", "statusCategories", "assigneeMapping", "typeMapping"],
        ["sync"] = ["conflictStrategy", "watchInterval", "fields", "commentsSince"],
        ["mcp"] = ["command", "serverCommand", "args", "serverArgs", "env", "envVars"],
    };

    public static IReadOnlyList<string> Warnings(JsonObject root)
    {
        var warnings = new List<string>();
        Check(root, "", warnings);
        foreach (var section in Known[""].Where(Known.ContainsKey))
        {
            if (root[section] is JsonObject child) Check(child, section, warnings);
        }
        return warnings;
    }

    private static void Check(JsonObject node, string section, List<string> warnings)
    {
        var known = Known[section];
        foreach (var (key, _) in node)
        {
            if (known.Contains(key, StringComparer.Ordinal)) continue;
            var path = section.Length == 0 ? key : $"{section}.{key}";
            var guess = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? known.FirstOrDefault(k => Core.Text.EditDistance.Between(k, key) <= 2);
            warnings.Add(guess is null
                ? $"config.json has an unknown key '{path}'; it is kept but not used."
                : $"config.json has an unknown key '{path}'; did you mean '{(section.Length == 0 ? guess : $"{section}.{guess}")}'? It is kept but not used.");
        }
    }
}
