using System.Text.Json.Nodes;

namespace BacklogJira.Core.Ports;

/// <summary>
/// Everything the sync needs from Jira, whatever the transport (REST or an MCP server). Text crosses this boundary as
/// Markdown. Reads of metadata (priorities, statuses, fields, users) are cached for the client's lifetime (one run).
/// Failures are <c>JiraException</c>s with a message that says what to do.
/// </summary>
public interface IJiraClient
{
    /// <summary>False where issue properties cannot be written (the MCP transport): a retried create then recognises
    /// its issue by summary and creator instead of by the token property.</summary>
    bool StoresIssueProperties => true;

    /// <summary>False where custom field values arrive simplified (the MCP transport): custom-field rules then refuse to run.</summary>
    bool ReadsCustomFields => true;

    Task<JiraServerInfo> GetServerInfoAsync(CancellationToken cancellationToken);

    Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken);

    Task<JiraProject> GetProjectAsync(string projectKey, CancellationToken cancellationToken);

    /// <summary>Every project this user can see (for <c>configure</c>'s pick list), all pages.</summary>
    Task<IReadOnlyList<JiraProject>> GetProjectsAsync(CancellationToken cancellationToken);

    Task<JiraIssue?> GetIssueAsync(string key, CancellationToken cancellationToken);

    /// <summary>Issues by key in bulk (JQL <c>key in</c> chunks); keys that no longer exist are left out, not errors.</summary>
    Task<IReadOnlyList<JiraIssue>> GetIssuesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Issues by key in bulk, only those updated at or after <paramref name="updatedSince"/> when it is given
    /// (an epoch-millisecond JQL bound, so the user's time zone plays no part); keys Jira does not know are listed in
    /// <see cref="JiraIssueRead.Missing"/>.</summary>
    Task<JiraIssueRead> ReadIssuesAsync(IReadOnlyCollection<string> keys, DateTimeOffset? updatedSince, CancellationToken cancellationToken);

    /// <summary>Every issue matching <paramref name="jql"/>, all pages.</summary>
    Task<IReadOnlyList<JiraIssue>> SearchAsync(string jql, CancellationToken cancellationToken);

    Task<JiraIssueRef> CreateIssueAsync(JiraIssueDraft draft, CancellationToken cancellationToken);

    Task UpdateIssueAsync(string key, JiraIssueUpdate update, CancellationToken cancellationToken);

    /// <summary>An edit Jira may refuse for reasons of its own (a field not on the edit screen, a value it does not allow,
    /// an issue type across workflows, a reporter without the permission): Jira's refusal (a 400) comes back with the
    /// fields it named instead of an exception; null when applied. Any other failure still throws.</summary>
    Task<JiraRefusal?> TryUpdateIssueAsync(string key, JiraIssueUpdate update, CancellationToken cancellationToken);

    Task<IReadOnlyList<JiraTransition>> GetTransitionsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Moves the issue along one workflow edge; <paramref name="fieldValues"/> fills the transition screen
    /// (field id → value name, e.g. <c>resolution → Done</c>).</summary>
    Task TransitionAsync(string key, string transitionId, IReadOnlyDictionary<string, string> fieldValues, CancellationToken cancellationToken);

    /// <summary>A user by email, display name, account id or user name; null when none matches.</summary>
    Task<JiraUser?> FindUserAsync(string query, CancellationToken cancellationToken);

    Task<IReadOnlyList<JiraPriority>> GetPrioritiesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<JiraStatus>> GetStatusesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<JiraField>> GetFieldsAsync(CancellationToken cancellationToken);

    /// <summary>The project's versions, archived ones included (read each time: another user may add one).</summary>
    Task<IReadOnlyList<JiraVersion>> GetVersionsAsync(string projectKey, CancellationToken cancellationToken);

    Task<JiraVersion> CreateVersionAsync(string projectKey, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<JiraComment>> GetCommentsAsync(string key, CancellationToken cancellationToken);

    Task<JiraComment> AddCommentAsync(string key, string markdown, CancellationToken cancellationToken);

    /// <summary>False where comments cannot be read whole and edited (the MCP transport reads 100 at most): the
    /// <c>comments</c> field then refuses to run.</summary>
    bool ReadsComments => true;

    Task UpdateCommentAsync(string key, string commentId, string markdown, CancellationToken cancellationToken);

    /// <summary>False where remote links cannot be read and deleted (the MCP transport): the <c>references</c> field then
    /// refuses to run.</summary>
    bool ReadsRemoteLinks => true;

    Task<IReadOnlyList<JiraRemoteLink>> GetRemoteLinksAsync(string key, CancellationToken cancellationToken);

    /// <summary>Creates the link, or updates the one with the same <see cref="JiraRemoteLink.GlobalId"/> (so a retry
    /// never makes a second).</summary>
    Task UpsertRemoteLinkAsync(string key, JiraRemoteLink link, CancellationToken cancellationToken);

    /// <summary>Deletes the link with Jira's id <paramref name="linkId"/>; one already gone is not an error.</summary>
    Task DeleteRemoteLinkAsync(string key, string linkId, CancellationToken cancellationToken);

    /// <summary>False where issue links cannot be read and deleted (the MCP transport): the <c>dependencies</c> field then
    /// refuses to run.</summary>
    bool ReadsIssueLinks => true;

    /// <summary>False where Data Center's Epic Link cannot be read or written (the MCP transport): an epic there is
    /// reported, not guessed.</summary>
    bool WritesEpicLink => true;

    /// <summary>False where sprints cannot be read and moved (the MCP transport): milestones as sprints then refuse to run.</summary>
    bool ReadsSprints => true;

    /// <summary>The future and active sprints of the project's scrum board (config <c>jira.sprintBoardId</c>, else the
    /// project's first scrum board), read once and kept unless <paramref name="fresh"/> asks for a new read (a name
    /// not among them may be a sprint planned since).</summary>
    Task<IReadOnlyList<JiraSprint>> GetOpenSprintsAsync(string projectKey, bool fresh, CancellationToken cancellationToken);

    /// <summary>Moves the issue into a future or active sprint (out of the open sprint it was in; closed ones stay).</summary>
    Task MoveToSprintAsync(long sprintId, string key, CancellationToken cancellationToken);

    /// <summary>Takes the issue out of its future or active sprint, back to the backlog.</summary>
    Task MoveToBacklogAsync(string key, CancellationToken cancellationToken);

    /// <summary>The issue's links to other issues, read alone (one small request, not the whole issue).</summary>
    Task<IReadOnlyList<JiraIssueLink>> GetIssueLinksAsync(string key, CancellationToken cancellationToken);

    /// <summary>Links <paramref name="fromKey"/> to <paramref name="toKey"/> with the type's outward phrase on
    /// <paramref name="fromKey"/> ("DEMO-2 blocks DEMO-3"); a link that exists already is not made twice.</summary>
    Task CreateIssueLinkAsync(string typeName, string fromKey, string toKey, CancellationToken cancellationToken);

    /// <summary>Deletes the link; one already gone is not an error.</summary>
    Task DeleteIssueLinkAsync(string linkId, CancellationToken cancellationToken);

    Task<JsonNode?> GetIssuePropertyAsync(string key, string propertyKey, CancellationToken cancellationToken);

    Task SetIssuePropertyAsync(string key, string propertyKey, JsonNode value, CancellationToken cancellationToken);
}
