using System.Collections;
using BacklogTools.Files;

namespace BacklogMcp.Core.Configuration;

/// <summary>
/// Reads BACKLOG_BASE_URL, BACKLOG_API_KEY, ATTACHMENT_WORKSPACE, BACKLOG_ENABLE_WRITES, BACKLOG_TIMEOUT_SECONDS, BACKLOG_MAX_TOKENS and BACKLOG_TOOLSETS from the environment, or
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
            if (entry.Key is string key && entry.Value is string value && (key.StartsWith("BACKLOG_", StringComparison.Ordinal) || key is "ATTACHMENT_WORKSPACE" or "ENABLE_TOOLSETS"))
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

        var writesText = values.GetValueOrDefault("BACKLOG_ENABLE_WRITES")?.Trim().ToLowerInvariant();
        var writes = writesText switch
        {
            null or "" or "false" or "0" or "no" or "off" => false,
            "true" or "1" or "yes" or "on" => true,
            _ => Problem(problems, $"BACKLOG_ENABLE_WRITES '{writesText}' is not true or false (also accepted: 1/0, yes/no, on/off). Example: BACKLOG_ENABLE_WRITES=true"),
        };

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
        var (toolsets, toolsetProblem) = Tools.Toolsets.Parse(values.GetValueOrDefault("BACKLOG_TOOLSETS") ?? values.GetValueOrDefault("ENABLE_TOOLSETS"));
        if (toolsetProblem is not null) problems.Add(toolsetProblem);

        var root = values.GetValueOrDefault("ATTACHMENT_WORKSPACE")?.Trim();
        root = string.IsNullOrEmpty(root) ? Path.Combine(workingDirectory, DefaultDownloadFolder) : Path.GetFullPath(root, workingDirectory);

        if (problems.Count > 0)
            throw new BacklogMcpConfigurationException("backlog-mcp cannot start:\n  " + string.Join("\n  ", problems));
        return new BacklogMcpSettings { BaseUrl = baseUrl!, ApiKey = apiKey!, DownloadRoot = root, WritesEnabled = writes, RequestTimeout = timeout, MaxTokens = maxTokens, Toolsets = toolsets ?? Tools.Toolsets.Offered.ToHashSet(StringComparer.Ordinal) };
    }

    private static bool Problem(List<string> problems, string message)
    {
        problems.Add(message);
        return false;
    }
}
