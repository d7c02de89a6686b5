using System.Collections;
using BacklogTools.Files;

namespace BacklogMcp.Core.Configuration;

/// <summary>
/// Reads BACKLOG_BASE_URL, BACKLOG_API_KEY, ATTACHMENT_WORKSPACE, BACKLOG_ENABLE_WRITES, BACKLOG_TIMEOUT_SECONDS, BACKLOG_MAX_TOKENS, BACKLOG_TOOLSETS and BACKLOG_DYNAMIC_TOOLSETS from the environment, or
/// from a <c>.env</c> in the working directory (the environment wins), and checks them all at once, so one start
/// reports every problem. The reference server read .env from its package folder only and never read
/// ATTACHMENT_WORKSPACE (docs/reference/nulab-backlog.md §0.4, §1.2); both are fixed here.
/// </summary>
public static class SettingsLoader
{
    public const string DefaultDownloadFolder = ".backlog-mcp";

    public static BacklogMcpSettings Load(string workingDirectory, IDictionary environment)
    {
        var values = new Dictionary<string, string>(DotEnvFile.Read(Path.Combine(workingDirectory, ".env")), StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
            if (entry.Key is string key && entry.Value is string value && (key.StartsWith("BACKLOG_", StringComparison.Ordinal) || key is "ATTACHMENT_WORKSPACE" or "ENABLE_TOOLSETS" or "ENABLE_DYNAMIC_TOOLSETS"))
                values[key] = value;

        var problems = new List<string>();
        Uri? baseUrl = null;
        var urlText = values.GetValueOrDefault("BACKLOG_BASE_URL")?.Trim();
        if (string.IsNullOrEmpty(urlText))
            problems.Add("BACKLOG_BASE_URL is not set. Set it to your space, e.g. BACKLOG_BASE_URL=https://yourspace.backlog.com (or .backlog.jp).");
        else if (!Uri.TryCreate(urlText.TrimEnd('/'), UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https") || baseUrl.AbsolutePath.Trim('/').Length > 0)
        {
            problems.Add($"BACKLOG_BASE_URL '{urlText}' is not a space URL. Use the origin only, e.g. BACKLOG_BASE_URL=https://yourspace.backlog.com");
            baseUrl = null;
        }

        var apiKey = values.GetValueOrDefault("BACKLOG_API_KEY")?.Trim();
        if (string.IsNullOrEmpty(apiKey))
            problems.Add("BACKLOG_API_KEY is not set. Create one in Backlog under Personal Settings → API, then set BACKLOG_API_KEY=<key> in the environment or in .env.");

        var writes = Flag(problems, "BACKLOG_ENABLE_WRITES", values.GetValueOrDefault("BACKLOG_ENABLE_WRITES"));
        // Nulab's server reads ENABLE_DYNAMIC_TOOLSETS; ours wins when both are set.
        var dynamic = Flag(problems, "BACKLOG_DYNAMIC_TOOLSETS", values.GetValueOrDefault("BACKLOG_DYNAMIC_TOOLSETS") ?? values.GetValueOrDefault("ENABLE_DYNAMIC_TOOLSETS"));

        var timeoutText = values.GetValueOrDefault("BACKLOG_TIMEOUT_SECONDS")?.Trim();
        var timeout = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrEmpty(timeoutText))
        {
            if (int.TryParse(timeoutText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600)
                timeout = TimeSpan.FromSeconds(seconds);
            else
                problems.Add($"BACKLOG_TIMEOUT_SECONDS '{timeoutText}' is not a number of seconds from 1 to 600. Example: BACKLOG_TIMEOUT_SECONDS=30");
        }

        var maxTokens = Formatting.TokenBudget.Default;
        var budgetText = values.GetValueOrDefault("BACKLOG_MAX_TOKENS")?.Trim();
        if (!string.IsNullOrEmpty(budgetText))
        {
            if (int.TryParse(budgetText.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var tokens) && tokens is >= 1_000 and <= 1_000_000)
                maxTokens = tokens;
            else
                problems.Add($"BACKLOG_MAX_TOKENS '{budgetText}' is not a number of tokens from 1000 to 1000000. Example: BACKLOG_MAX_TOKENS=20000");
        }

        // Nulab's server reads ENABLE_TOOLSETS; an agent configured for it works here too (ours wins when both are set).
        var toolsetText = values.GetValueOrDefault("BACKLOG_TOOLSETS") ?? values.GetValueOrDefault("ENABLE_TOOLSETS");
        var (toolsets, toolsetProblem) = Tools.Toolsets.Parse(toolsetText);
        if (toolsetProblem is not null) problems.Add(toolsetProblem);
        // Dynamic toolsets start with the ones named only (as Nulab's server drops "all"): the agent turns on the rest.
        var named = Tools.Toolsets.NamesIn(toolsetText);
        if (dynamic && toolsets is not null && (named.Count == 0 || named.Contains("all"))) toolsets = new HashSet<string>(StringComparer.Ordinal);

        var root = values.GetValueOrDefault("ATTACHMENT_WORKSPACE")?.Trim();
        root = string.IsNullOrEmpty(root) ? Path.Combine(workingDirectory, DefaultDownloadFolder) : Path.GetFullPath(root, workingDirectory);

        if (problems.Count > 0)
            throw new BacklogMcpConfigurationException("backlog-mcp cannot start:\n  " + string.Join("\n  ", problems));
        return new BacklogMcpSettings { BaseUrl = baseUrl!, ApiKey = apiKey!, DownloadRoot = root, WritesEnabled = writes, RequestTimeout = timeout, MaxTokens = maxTokens, Toolsets = toolsets ?? Tools.Toolsets.Offered.ToHashSet(StringComparer.Ordinal), DynamicToolsets = dynamic };
    }

    private static bool Flag(List<string> problems, string name, string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" or "no" or "off" => false,
        "true" or "1" or "yes" or "on" => true,
        var other => Problem(problems, $"{name} '{other}' is not true or false (also accepted: 1/0, yes/no, on/off). Example: {name}=true"),
    };

    private static bool Problem(List<string> problems, string message)
    {
        problems.Add(message);
        return false;
    }
}
