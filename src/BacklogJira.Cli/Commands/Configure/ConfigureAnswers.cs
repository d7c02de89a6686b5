using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>Where the wizard keeps the Jira credentials: <c>.env</c> in the project root (kept out of git) or nowhere
/// (the user exports JIRA_* variables, e.g. from a password manager).</summary>
internal enum CredentialStore
{
    DotEnv,
    None,
}

/// <summary>Everything configure asks, from prompts or from flags.</summary>
internal sealed record ConfigureAnswers
{
    public required Uri BaseUrl { get; init; }
    public JiraDeployment? Deployment { get; init; }
    public string? Email { get; init; }
    public string? ApiToken { get; init; }
    public string? PersonalToken { get; init; }
    public required string ProjectKey { get; init; }
    public required string IssueType { get; init; }
    public string JqlFilter { get; init; } = "";
    public ConflictStrategy Strategy { get; init; } = ConflictStrategy.Prompt;
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? StatusMapping { get; init; }
    public CredentialStore Credentials { get; init; } = CredentialStore.DotEnv;
    public bool AddDotEnvToGitignore { get; init; }

    /// <summary>Custom-field rules to add to config <c>customFields</c> (docs/field-mapping.md).</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> CustomFields { get; init; } = [];
}
