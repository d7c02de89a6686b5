using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>The Jira user a Backlog handle maps to (<c>backlog.assigneeMapping</c>), for the assignee and the reporter;
/// null with a warning that gives the command to fix it when the handle is unmapped or its user is gone.</summary>
internal static class JiraUserLookup
{
    public static async Task<JiraUser?> FindAsync(JiraWriting writing, string handle, CancellationToken cancellationToken)
    {
        if (writing.Config.Assignees.ToJira(handle) is not { } configured)
        {
            writing.Warnings.Add($"{writing.IssueName}: {handle} has no Jira user; map it with: backlog-jira map-assignees add {handle} <email, accountId or user name>");
            return null;
        }
        var user = await writing.Jira.FindUserAsync(configured, cancellationToken);
        if (user is null) writing.Warnings.Add($"{writing.IssueName}: the Jira user '{configured}' mapped to {handle} was not found; fix it with: backlog-jira map-assignees add {handle} <jira-user> --force");
        return user;
    }
}
