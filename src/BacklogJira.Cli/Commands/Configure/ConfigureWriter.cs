using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogTools.Files;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>
/// Applies the answers: config.json keeps every key it does not manage (assignee and priority mappings, overrides,
/// unknown keys); secrets go only to <c>.env</c> in the project root (other lines kept, JIRA_* lines replaced, written
/// atomically), never into config.json; <c>.env</c> is added to <c>.gitignore</c> when asked.
/// </summary>
internal static class ConfigureWriter
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string projectRoot, StatePaths paths, ConfigureAnswers answers, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var json = File.Exists(paths.Config) ? SyncConfig.Load(paths).Json : SyncConfig.Defaults();
        var jira = json["jira"] as JsonObject ?? [];
        json["jira"] = jira;
        jira["baseUrl"] = answers.BaseUrl.ToString().TrimEnd('/');
        jira["projectKey"] = answers.ProjectKey;
        jira["issueType"] = answers.IssueType;
        jira["jqlFilter"] = answers.JqlFilter;
        var sync = json["sync"] as JsonObject ?? [];
        json["sync"] = sync;
        sync["conflictStrategy"] = SyncConfig.StrategyName(answers.Strategy);
        if (answers.StatusMapping is { } mapping)
        {
            var backlog = json["backlog"] as JsonObject ?? [];
            json["backlog"] = backlog;
            backlog["statusMapping"] = new JsonObject(mapping.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)new JsonArray([.. m.Value.Select(v => (JsonNode?)v)]))));
        }
        if (answers.CustomFields.Count > 0) json["customFields"] = CustomFieldChoices.Merge(json["customFields"], answers.CustomFields);
        await StateInitializer.InitializeAsync(paths, answers.ProjectKey, cancellationToken);
        await SyncConfig.SaveAsync(paths, json, cancellationToken);
        written.Add(paths.Config);

        if (answers.Credentials == CredentialStore.DotEnv)
        {
            var dotEnv = Path.Combine(projectRoot, ".env");
            await AtomicFile.WriteAllTextAsync(dotEnv, DotEnvText(File.Exists(dotEnv) ? await File.ReadAllTextAsync(dotEnv, cancellationToken) : "", answers), cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dotEnv, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            written.Add(dotEnv);
            if (answers.AddDotEnvToGitignore && !IsIgnored(projectRoot))
            {
                var gitignore = Path.Combine(projectRoot, ".gitignore");
                var existing = File.Exists(gitignore) ? await File.ReadAllTextAsync(gitignore, cancellationToken) : "";
                await AtomicFile.WriteAllTextAsync(gitignore, existing + (existing.Length > 0 && !existing.EndsWith('\n') ? "\n" : "") + "# Jira credentials (backlog-jira configure)\n.env\n", cancellationToken);
                written.Add(gitignore);
            }
        }
        return written;
    }

    /// <summary>The new <c>.env</c>: every line that is not one of ours kept in place, ours appended.</summary>
    public static string DotEnvText(string existing, ConfigureAnswers answers)
    {
        string[] ours = ["JIRA_URL", "JIRA_EMAIL", "JIRA_USERNAME", "JIRA_API_TOKEN", "JIRA_PERSONAL_TOKEN", "JIRA_DEPLOYMENT"];
        var lines = new List<string> { $"JIRA_URL={answers.BaseUrl.ToString().TrimEnd('/')}" };
        if (answers.Deployment is { } deployment) lines.Add($"JIRA_DEPLOYMENT={(deployment == JiraDeployment.Cloud ? "cloud" : "datacenter")}");
        if (answers.PersonalToken is not null) lines.Add($"JIRA_PERSONAL_TOKEN={answers.PersonalToken}");
        else
        {
            lines.Add($"JIRA_EMAIL={answers.Email}");
            lines.Add($"JIRA_API_TOKEN={answers.ApiToken}");
        }
        return DotEnvFile.Replace(existing, ours, "# Jira (backlog-jira configure)", lines);
    }

    /// <summary>Whether <c>.env</c> is already listed in the root <c>.gitignore</c>.</summary>
    public static bool IsIgnored(string projectRoot)
    {
        var gitignore = Path.Combine(projectRoot, ".gitignore");
        return File.Exists(gitignore) && File.ReadAllLines(gitignore).Any(l => l.Trim() is ".env" or "/.env" or ".env*" or "*.env");
    }
}
