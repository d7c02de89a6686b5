using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Rest;

namespace BacklogJira.Cli.Commands.Configure;

/// <summary>What configure learns from the real Jira before proposing anything: that the login works, the projects,
/// the chosen project's issue types, and the statuses with their categories.</summary>
internal sealed class JiraDiscovery(JiraConnectionSettings settings) : IDisposable
{
    private readonly JiraRestClient _jira = new(JiraClientFactory.Quick(settings));

    public Task<JiraServerInfo> ServerAsync(CancellationToken cancellationToken) => _jira.GetServerInfoAsync(cancellationToken);

    public Task<JiraUser> LoginAsync(CancellationToken cancellationToken) => _jira.GetMyselfAsync(cancellationToken);

    public Task<IReadOnlyList<JiraProject>> ProjectsAsync(CancellationToken cancellationToken) => _jira.GetProjectsAsync(cancellationToken);

    public Task<JiraProject> ProjectAsync(string key, CancellationToken cancellationToken) => _jira.GetProjectAsync(key, cancellationToken);

    /// <summary>The statuses of the project's workflow for the issue type, else every status of the site.</summary>
    public async Task<IReadOnlyList<JiraStatus>> StatusesAsync(string projectKey, string issueType, CancellationToken cancellationToken) =>
        await _jira.GetProjectStatusesAsync(projectKey, issueType, cancellationToken) is { Count: > 0 } workflow ? workflow : await _jira.GetStatusesAsync(cancellationToken);

    /// <summary>The fields a custom-field rule can map on the create screen of the issue type.</summary>
    public async Task<IReadOnlyList<MappableField>> MappableFieldsAsync(string projectKey, string issueType, CancellationToken cancellationToken)
    {
        var screen = await _jira.GetCreateScreenAsync(projectKey, issueType, cancellationToken);
        return screen is null ? [] : CustomFieldChoices.Mappable(await _jira.GetFieldsAsync(cancellationToken), [.. screen.Keys]);
    }

    public void Dispose() => _jira.Dispose();
}
