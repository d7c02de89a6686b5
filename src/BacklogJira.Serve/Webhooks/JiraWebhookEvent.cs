namespace BacklogJira.Serve.Webhooks;

/// <summary>
/// What one Jira webhook delivery says happened, reduced to what sync needs: which issues to look at again. Issue
/// events and comment events carry the issue (id and key); link events carry only the two issues' ids.
/// </summary>
/// <param name="Name">The <c>webhookEvent</c>, e.g. <c>jira:issue_updated</c>.</param>
/// <param name="Issues">The issues the event touches.</param>
/// <param name="Deleted">True for <c>jira:issue_deleted</c>: nothing to import, the pair's sync reports it missing.</param>
public sealed record JiraWebhookEvent(string Name, IReadOnlyList<IssueRef> Issues, bool Deleted);

/// <summary>An issue as a webhook names it: the id always (it survives a move to another project), the key when given.</summary>
public sealed record IssueRef(string Id, string? Key);
