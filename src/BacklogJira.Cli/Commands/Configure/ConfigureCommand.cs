using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Rendering;
using BacklogJira.BacklogMd;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>
/// <c>configure</c>: a wizard on a terminal (Spectre.Console prompts), or <c>--non-interactive</c> with flags for scripts.
/// Both test the login, pick the project from the real list, the issue type from the project's own, propose a status
/// mapping from Jira's statuses and categories, and write config.json without dropping keys it does not manage.
/// Secrets go to <c>.env</c> (kept out of git) or nowhere; never to config.json or the command line.
/// </summary>
internal static class ConfigureCommand
{
    public static Command Create(CliContext context)
    {
        var nonInteractive = new Option<bool>("--non-interactive") { Description = "No prompts: take every answer from the flags (and the token from stdin or JIRA_* variables)" };
        var url = new Option<string?>("--url") { Description = "Jira site, e.g. https://yourcompany.atlassian.net (default: JIRA_URL)" };
        var deployment = new Option<string?>("--deployment") { Description = "cloud or datacenter (default: asked from Jira)" };
        deployment.AcceptOnlyFromAmong("cloud", "datacenter");
        var email = new Option<string?>("--email") { Description = "Cloud account email (default: JIRA_EMAIL)" };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read the API token (Cloud) or personal access token (Data Center) from the first line of stdin" };
        var project = new Option<string?>("--project") { Description = "Jira project key (must be one this user can see)" };
        var issueType = new Option<string?>("--issue-type") { Description = "Issue type for create-issue (default: Task if the project has it)" };
        var jql = new Option<string?>("--jql") { Description = "Default JQL for pull --import (default: project = KEY)" };
        var strategy = new Option<string?>("--strategy") { Description = "Conflict strategy: prefer-backlog, prefer-jira, prompt or manual (default: prompt)" };
        strategy.AcceptOnlyFromAmong("prefer-backlog", "prefer-jira", "prompt", "manual");
        var keepStatuses = new Option<bool>("--keep-status-mapping") { Description = "Keep backlog.statusMapping as it is instead of the one proposed from Jira's statuses" };
        var credentials = new Option<string>("--credentials") { Description = "Where to keep the credentials: dotenv (.env in the project, kept out of git) or none", DefaultValueFactory = _ => "dotenv" };
        credentials.AcceptOnlyFromAmong("dotenv", "none");
        var yes = new Option<bool>("--yes", "-y") { Description = "Add .env to .gitignore without asking" };
        var customFields = new Option<string[]>("--custom-field")
        {
            Description = "Sync a Jira field through a rule, FIELD or FIELD=PLACE (e.g. \"Story Points=label:sp:\", \"QA Notes=section:QA Notes\"); repeatable; see docs/field-mapping.md",
            AllowMultipleArgumentsPerToken = false,
        };
        var json = JsonResult.Option();
        var command = new Command("configure",
            "Connect this project to Jira: login test, project and issue type from the real lists, a status mapping proposed from the workflow, the conflict strategy\n\n" +
            "Example: backlog-jira configure --non-interactive --url https://acme.atlassian.net --email me@acme.com --token-stdin --project PROJ < token.txt")
        {
            nonInteractive, url, deployment, email, tokenStdin, project, issueType, jql, strategy, keepStatuses, credentials, yes, customFields, json,
        };
        command.SetAction(async (parse, token) =>
        {
            var store = BacklogMdTaskStore.Open(context.WorkingDirectory);
            var paths = new StatePaths(store.Project.RootPath);
            var flags = new ConfigureFlags(parse.GetValue(url), parse.GetValue(deployment), parse.GetValue(email), parse.GetValue(tokenStdin), parse.GetValue(project),
                parse.GetValue(issueType), parse.GetValue(jql), parse.GetValue(strategy), parse.GetValue(keepStatuses), parse.GetValue(credentials) == "none" ? CredentialStore.None : CredentialStore.DotEnv, parse.GetValue(yes))
            {
                CustomFields = parse.GetValue(customFields) ?? [],
            };
            ConfigureAnswers answers;
            if (parse.GetValue(nonInteractive) || !context.IsInteractive)
                answers = await FromFlagsAsync(context, flags, store.Project.Config.Statuses, token);
            else
                answers = await new ConfigureWizard(context, store.Project.Config.Statuses, flags).RunAsync(token);
            var written = await ConfigureWriter.WriteAsync(store.Project.RootPath, paths, answers, token);
            if (parse.GetValue(json))
            {
                JsonResult.Write(context, "configure", new JsonObject
                {
                    ["url"] = answers.BaseUrl.ToString(), ["projectKey"] = answers.ProjectKey, ["issueType"] = answers.IssueType,
                    ["strategy"] = SyncConfig.StrategyName(answers.Strategy), ["statusMappingProposed"] = answers.StatusMapping is not null,
                    ["written"] = new JsonArray([.. written.Select(w => (JsonNode?)store.Project.RelativePath(w))]),
                    ["dotEnvIgnored"] = ConfigureWriter.IsIgnored(store.Project.RootPath),
                    ["customFields"] = new JsonArray([.. answers.CustomFields.Select(r => (JsonNode?)r.DeepClone())]),
                });
                return ExitCodes.Success;
            }
            await context.Out.WriteLineAsync($"✓ Configured {answers.ProjectKey} at {answers.BaseUrl}: wrote {string.Join(", ", written.Select(store.Project.RelativePath))}.");
            if (answers.Credentials == CredentialStore.DotEnv && !ConfigureWriter.IsIgnored(store.Project.RootPath))
                await context.Out.WriteLineAsync("! .env is not in .gitignore: add it before your next commit, it holds your token.");
            await context.Out.WriteLineAsync("Next: backlog-jira doctor, then backlog-jira map auto --dry-run or pull --import.");
            return ExitCodes.Success;
        });
        return command;
    }

    internal sealed record ConfigureFlags(string? Url, string? Deployment, string? Email, bool TokenStdin, string? Project, string? IssueType, string? Jql,
        string? Strategy, bool KeepStatuses, CredentialStore Credentials, bool Yes)
    {
        /// <summary><c>--custom-field</c> choices: <c>FIELD</c> or <c>FIELD=PLACE</c>.</summary>
        public IReadOnlyList<string> CustomFields { get; init; } = [];
    }

    private static async Task<ConfigureAnswers> FromFlagsAsync(CliContext context, ConfigureFlags flags, IReadOnlyList<string> backlogStatuses, CancellationToken cancellationToken)
    {
        string? Env(string name) => context.Environment[name] as string is { Length: > 0 } value ? value : null;
        var urlText = flags.Url ?? Env("JIRA_URL") ?? throw new JiraConfigurationException("configure --non-interactive needs --url (or JIRA_URL), e.g. --url https://yourcompany.atlassian.net");
        var baseUrl = ParseUrl(urlText);
        var secret = flags.TokenStdin ? (await context.In.ReadLineAsync(cancellationToken))?.Trim() : null;
        var deployment = flags.Deployment switch { "cloud" => JiraDeployment.Cloud, "datacenter" => JiraDeployment.DataCenter, _ => (JiraDeployment?)null };
        var email = flags.Email ?? Env("JIRA_EMAIL") ?? Env("JIRA_USERNAME");
        // Cloud logs in with email + API token, Data Center with a personal access token; without --deployment an email says Cloud.
        var usesPat = deployment == JiraDeployment.DataCenter || (deployment is null && email is null);
        var personal = usesPat ? secret ?? Env("JIRA_PERSONAL_TOKEN") : null;
        var apiToken = usesPat ? null : secret ?? Env("JIRA_API_TOKEN");
        if (personal is null && (apiToken is null || email is null))
            throw new JiraConfigurationException("configure --non-interactive needs credentials: --email and --token-stdin (Cloud API token), or --deployment datacenter --token-stdin (personal access token); JIRA_EMAIL/JIRA_API_TOKEN/JIRA_PERSONAL_TOKEN work too.");
        var settings = new JiraConnectionSettings { BaseUrl = baseUrl, User = email, ApiToken = apiToken, PersonalToken = personal, Deployment = deployment };
        context.Secrets.Add(apiToken);
        context.Secrets.Add(personal);
        using var jira = new JiraDiscovery(settings);
        var server = await jira.ServerAsync(cancellationToken);
        await jira.LoginAsync(cancellationToken);
        var projects = await jira.ProjectsAsync(cancellationToken);
        var key = flags.Project ?? throw new JiraConfigurationException($"configure --non-interactive needs --project; this user can see: {string.Join(", ", projects.Select(p => p.Key))}.");
        var chosen = projects.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new JiraConfigurationException($"Project {key} is not visible to this user; it can see: {string.Join(", ", projects.Select(p => p.Key))}.");
        var details = await jira.ProjectAsync(chosen.Key, cancellationToken);
        var issueType = PickIssueType(flags.IssueType, details.IssueTypes);
        var strategy = flags.Strategy is null ? ConflictStrategy.Prompt : SyncConfig.TryParseStrategy(flags.Strategy)!.Value;
        var mappable = flags.CustomFields.Count == 0 ? null : await jira.MappableFieldsAsync(chosen.Key, issueType, cancellationToken);
        return new ConfigureAnswers
        {
            BaseUrl = baseUrl,
            Deployment = deployment ?? server.Deployment,
            Email = email,
            ApiToken = apiToken,
            PersonalToken = personal,
            ProjectKey = chosen.Key,
            IssueType = issueType,
            JqlFilter = flags.Jql ?? $"project = {chosen.Key}",
            Strategy = strategy,
            StatusMapping = flags.KeepStatuses ? null : StatusMappingProposal.Propose(backlogStatuses, await jira.StatusesAsync(chosen.Key, issueType, cancellationToken)),
            Credentials = flags.Credentials,
            AddDotEnvToGitignore = flags.Yes,
            CustomFields = flags.CustomFields.Count == 0 ? [] : [.. flags.CustomFields.Select(c => CustomFieldChoices.Rule(c, mappable!))],
        };
    }

    public static Uri ParseUrl(string text) =>
        Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new JiraConfigurationException($"'{text}' is not an http(s) URL; e.g. https://yourcompany.atlassian.net");

    public static string PickIssueType(string? wanted, IReadOnlyList<string> available)
    {
        if (wanted is not null)
            return available.Count == 0 || available.Contains(wanted, StringComparer.OrdinalIgnoreCase)
                ? available.FirstOrDefault(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase)) ?? wanted
                : throw new JiraConfigurationException($"The project has no issue type '{wanted}'; it has: {string.Join(", ", available)}.");
        return available.FirstOrDefault(a => a.Equals("Task", StringComparison.OrdinalIgnoreCase)) ?? (available.Count > 0 ? available[0] : "Task");
    }
}
