using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using Spectre.Console;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>The interactive configure: Spectre.Console prompts on the terminal, each answer checked against the real
/// Jira before the next question (login before projects, project before issue types), tokens typed masked.</summary>
internal sealed class ConfigureWizard(CliContext context, IReadOnlyList<string> backlogStatuses, ConfigureCommand.ConfigureFlags flags)
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
        Interactive = InteractionSupport.Yes,
    });

    public async Task<ConfigureAnswers> RunAsync(CancellationToken cancellationToken)
    {
        _console.Write(new Rule("[bold]backlog-jira configure[/]").LeftJustified());
        string? Env(string name) => context.Environment[name] as string is { Length: > 0 } value ? value : null;

        var deploymentName = _console.Prompt(new SelectionPrompt<string>().Title("Which Jira?").AddChoices("Jira Cloud (*.atlassian.net)", "Jira Data Center / Server"));
        var deployment = deploymentName.StartsWith("Jira Cloud", StringComparison.Ordinal) ? JiraDeployment.Cloud : JiraDeployment.DataCenter;
        var url = _console.Prompt(new TextPrompt<string>("Jira URL:").DefaultValue(flags.Url ?? Env("JIRA_URL") ?? "https://yourcompany.atlassian.net")
            .Validate(text => Uri.TryCreate(text.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? ValidationResult.Success() : ValidationResult.Error("An http(s) URL, e.g. https://yourcompany.atlassian.net")));
        var baseUrl = ConfigureCommand.ParseUrl(url);

        string? email = null, apiToken = null, personal = null;
        if (deployment == JiraDeployment.Cloud)
        {
            email = _console.Prompt(new TextPrompt<string>("Account email:").DefaultValue(flags.Email ?? Env("JIRA_EMAIL") ?? "")
                .Validate(text => text.Contains('@', StringComparison.Ordinal) ? ValidationResult.Success() : ValidationResult.Error("An email address")));
            _console.MarkupLine("[grey]Create an API token at https://id.atlassian.com/manage-profile/security/api-tokens[/]");
            apiToken = _console.Prompt(new TextPrompt<string>("API token:").Secret());
        }
        else
        {
            personal = _console.Prompt(new TextPrompt<string>("Personal access token:").Secret());
        }
        context.Secrets.Add(apiToken);
        context.Secrets.Add(personal);

        using var jira = new JiraDiscovery(new JiraConnectionSettings { BaseUrl = baseUrl, User = email, ApiToken = apiToken, PersonalToken = personal, Deployment = deployment });
        JiraUser me;
        try
        {
            me = await _console.Status().StartAsync("Logging in…", _ => jira.LoginAsync(cancellationToken));
        }
        catch (JiraException error)
        {
            throw new JiraConfigurationException($"The login failed: {error.Message} Nothing was written; run 'backlog-jira configure' again.");
        }
        _console.MarkupLine($"[green]✓[/] Logged in as {Markup.Escape(me.DisplayName)}");

        var projects = await jira.ProjectsAsync(cancellationToken);
        if (projects.Count == 0) throw new JiraConfigurationException("This user cannot see any Jira project; ask for Browse permission on one.");
        var projectChoice = _console.Prompt(new SelectionPrompt<string>().Title("Project:").PageSize(12).EnableSearch()
            .AddChoices(projects.Select(p => $"{p.Key} — {p.Name}")));
        var projectKey = projectChoice.Split(' ')[0];
        var details = await jira.ProjectAsync(projectKey, cancellationToken);
        var issueType = details.IssueTypes.Count == 0 ? "Task"
            : _console.Prompt(new SelectionPrompt<string>().Title("Issue type for create-issue:").AddChoices(OrderedIssueTypes(details.IssueTypes)));
        var jql = _console.Prompt(new TextPrompt<string>("JQL for pull --import:").DefaultValue($"project = {projectKey}").AllowEmpty());
        var customFields = await AskCustomFieldsAsync(jira, projectKey, issueType, cancellationToken);

        var proposal = StatusMappingProposal.Propose(backlogStatuses, await jira.StatusesAsync(projectKey, issueType, cancellationToken));
        var table = new Table().AddColumn("Backlog status").AddColumn("Jira statuses (first is where a push moves the issue)");
        foreach (var (backlog, jiraStatuses) in proposal) table.AddRow(Markup.Escape(backlog), Markup.Escape(jiraStatuses.Count == 0 ? "(none found)" : string.Join(", ", jiraStatuses)));
        _console.Write(table);
        var useProposal = _console.Prompt(new ConfirmationPrompt("Use this status mapping?") { DefaultValue = true });

        var strategyName = _console.Prompt(new SelectionPrompt<string>().Title("When a field changed on both sides:")
            .AddChoices("prompt (ask me)", "prefer-backlog", "prefer-jira", "manual (leave it, report it)"));
        var strategy = BacklogJira.Sync.State.SyncConfig.TryParseStrategy(strategyName.Split(' ')[0]) ?? ConflictStrategy.Prompt;

        var store = _console.Prompt(new SelectionPrompt<string>().Title("Keep the credentials:")
            .AddChoices(".env in this project (kept out of git)", "nowhere: I export JIRA_* variables myself"));
        var credentials = store.StartsWith(".env", StringComparison.Ordinal) ? CredentialStore.DotEnv : CredentialStore.None;
        var addToGitignore = credentials == CredentialStore.DotEnv && !ConfigureWriter.IsIgnored(context.WorkingDirectory)
            && (flags.Yes || _console.Prompt(new ConfirmationPrompt(".env is not in .gitignore. Add it?") { DefaultValue = true }));

        return new ConfigureAnswers
        {
            BaseUrl = baseUrl,
            Deployment = deployment,
            Email = email,
            ApiToken = apiToken,
            PersonalToken = personal,
            ProjectKey = projectKey,
            IssueType = issueType,
            JqlFilter = jql,
            Strategy = strategy,
            StatusMapping = useProposal ? proposal : null,
            Credentials = credentials,
            AddDotEnvToGitignore = addToGitignore,
            CustomFields = customFields,
        };
    }

    /// <summary>The project's mappable fields to choose from (none chosen by default), each with its place in the task
    /// (docs/field-mapping.md); <c>--custom-field</c> choices are taken as they are.</summary>
    private async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> AskCustomFieldsAsync(JiraDiscovery jira, string projectKey, string issueType, CancellationToken cancellationToken)
    {
        var mappable = await jira.MappableFieldsAsync(projectKey, issueType, cancellationToken);
        if (flags.CustomFields.Count > 0) return [.. flags.CustomFields.Select(c => CustomFieldChoices.Rule(c, mappable))];
        if (mappable.Count == 0) return [];
        var chosen = _console.Prompt(new MultiSelectionPrompt<string>().Title("Custom fields to sync ([grey]space[/] to choose, [grey]enter[/] to go on):")
            .NotRequired().PageSize(12).AddChoices(mappable.Select(f => f.Shown)));
        var rules = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var field in mappable.Where(f => chosen.Contains(f.Shown)))
        {
            var place = _console.Prompt(new TextPrompt<string>($"Where does {Markup.Escape(field.Field.Name)} go in the task (label:<prefix> or section:<title>)?").DefaultValue(field.DefaultPlace));
            rules.Add(CustomFieldChoices.Rule($"{field.Field.Id}={place}", mappable));
        }
        return rules;
    }

    private static IEnumerable<string> OrderedIssueTypes(IReadOnlyList<string> types) =>
        types.OrderBy(t => t.Equals("Task", StringComparison.OrdinalIgnoreCase) ? 0 : 1);
}
