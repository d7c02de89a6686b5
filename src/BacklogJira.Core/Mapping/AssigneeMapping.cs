namespace BacklogJira.Core.Mapping;

/// <summary>
/// Backlog <c>@handle</c> ⇄ Jira user (config <c>backlog.assigneeMapping</c>: handle → accountId on Cloud, user name on
/// Data Center, or an email/display name to be resolved). Canonical form is the handle with its <c>@</c>; a Jira user
/// nobody mapped is reported, with the command that maps it, rather than guessed.
/// </summary>
public sealed class AssigneeMapping(IReadOnlyDictionary<string, string> handleToJira)
{
    public IReadOnlyDictionary<string, string> HandleToJira { get; } = handleToJira;

    public static string Handle(string handle) => "@" + handle.Trim().TrimStart('@');

    /// <summary>The Jira identifier configured for a handle, or null.</summary>
    public string? ToJira(string handle)
    {
        var bare = handle.Trim().TrimStart('@');
        return HandleToJira.FirstOrDefault(p => string.Equals(p.Key.TrimStart('@'), bare, StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>The handle whose mapping names this Jira user by any of its identifiers, or null.</summary>
    public string? ToBacklog(IEnumerable<string?> jiraIdentifiers)
    {
        var ids = jiraIdentifiers.Where(i => !string.IsNullOrEmpty(i)).ToList();
        var match = HandleToJira.FirstOrDefault(p => ids.Contains(p.Value, StringComparer.OrdinalIgnoreCase));
        return match.Key is null ? null : Handle(match.Key);
    }

    public static string MapCommand(string displayName, string jiraId) =>
        $"backlog-jira map-assignees add @<handle> {jiraId}   # {displayName}";
}
