using System.Collections;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogTools.Files;

namespace BacklogJira.Jira.Configuration;

/// <summary>
/// Builds <see cref="JiraConnectionSettings"/> from <c>JIRA_URL</c>, <c>JIRA_EMAIL</c>/<c>JIRA_USERNAME</c> with
/// <c>JIRA_API_TOKEN</c> (Cloud) or <c>JIRA_PERSONAL_TOKEN</c> (Data Center), reading <c>.env.local</c> then <c>.env</c>
/// in the project root for what the real environment does not set (the environment always wins).
/// </summary>
public static class JiraSettingsLoader
{
    public static JiraConnectionSettings Load(string? projectRoot, IDictionary? environment = null, JiraDeployment? deployment = null)
    {
        var values = Merge(projectRoot, environment ?? Environment.GetEnvironmentVariables());
        values.TryGetValue("JIRA_URL", out var url);
        if (string.IsNullOrWhiteSpace(url))
            throw new JiraConfigurationException("JIRA_URL is not set. Set it to your Jira site, e.g. JIRA_URL=https://yourcompany.atlassian.net, in the environment or in .env.");
        if (!Uri.TryCreate(url.Trim().TrimEnd('/'), UriKind.Absolute, out var pasted) || pasted.Scheme is not ("http" or "https"))
            throw new JiraConfigurationException($"JIRA_URL '{url}' is not an http(s) URL. Example: JIRA_URL=https://yourcompany.atlassian.net");
        var (baseUrl, urlNotice) = JiraSiteUrl.Normalize(pasted);
        var personal = NonEmpty(values, "JIRA_PERSONAL_TOKEN");
        var apiToken = NonEmpty(values, "JIRA_API_TOKEN");
        var user = NonEmpty(values, "JIRA_EMAIL") ?? NonEmpty(values, "JIRA_USERNAME");
        if (personal is null && apiToken is null)
            throw new JiraConfigurationException("No Jira credentials: set JIRA_EMAIL and JIRA_API_TOKEN (Cloud; create a token at https://id.atlassian.com/manage-profile/security/api-tokens) or JIRA_PERSONAL_TOKEN (Data Center).");
        if (personal is null && user is null)
            throw new JiraConfigurationException("JIRA_API_TOKEN is set but JIRA_EMAIL is not: Jira Cloud needs the account email with the token.");
        return new JiraConnectionSettings
        {
            BaseUrl = baseUrl,
            UrlNotice = urlNotice,
            User = user,
            ApiToken = personal is null ? apiToken : null,
            PersonalToken = personal,
            Deployment = deployment ?? DeploymentFrom(NonEmpty(values, "JIRA_DEPLOYMENT")),
        };
    }

    /// <summary>One more <c>JIRA_*</c> setting (such as <c>JIRA_WEBHOOK_SECRET</c>) with the same precedence: the
    /// environment, then <c>.env.local</c>, then <c>.env</c>; null when unset or blank.</summary>
    public static string? Value(string? projectRoot, IDictionary? environment, string name) =>
        NonEmpty(Merge(projectRoot, environment ?? Environment.GetEnvironmentVariables()), name);

    /// <summary><c>JIRA_DEPLOYMENT=cloud|datacenter</c> skips detection (REST) and overrides the host-name rule (MCP).</summary>
    private static JiraDeployment? DeploymentFrom(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "cloud" => JiraDeployment.Cloud,
        "datacenter" or "data-center" or "server" or "dc" => JiraDeployment.DataCenter,
        _ => throw new JiraConfigurationException($"JIRA_DEPLOYMENT '{text}' is not known; use cloud or datacenter (or leave it unset to detect)."),
    };

    private static Dictionary<string, string> Merge(string? projectRoot, IDictionary environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (projectRoot is not null)
        {
            foreach (var file in new[] { ".env", ".env.local" })
            {
                foreach (var (key, value) in DotEnvFile.Read(Path.Combine(projectRoot, file))) values[key] = value;
            }
        }
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && entry.Value is string value && key.StartsWith("JIRA_", StringComparison.Ordinal)) values[key] = value;
        }
        return values;
    }

    private static string? NonEmpty(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
