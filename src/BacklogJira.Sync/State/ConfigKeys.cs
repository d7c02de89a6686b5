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
        [""] = ["schemaVersion", "jira", "backlog", "sync", "mcp"],
        ["jira"] = ["baseUrl", "projectKey", "issueType", "jqlFilter", "transport", "transitionFields", "transitionTargets", "createVersions", "projectMap"],
        ["backlog"] = ["statusMapping", "projectOverrides", "priorityMapping", "statusCategories", "assigneeMapping", "typeMapping"],
        ["sync"] = ["conflictStrategy", "watchInterval", "fields"],
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
            var guess = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? known.FirstOrDefault(k => Distance(k, key) <= 2);
            warnings.Add(guess is null
                ? $"config.json has an unknown key '{path}'; it is kept but not used."
                : $"config.json has an unknown key '{path}'; did you mean '{(section.Length == 0 ? guess : $"{section}.{guess}")}'? It is kept but not used.");
        }
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
