using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Webhooks;

/// <summary>
/// What a write may change that Jira announces by webhook, taken before and after each write while a webhook is
/// registered: each issue's key and last update, its comments' last updates, and the issue links. Comparing the two
/// gives the events in the order Jira sends them (issue first, then its comments; links last).
/// </summary>
internal sealed record ChangeMarks(Dictionary<string, IssueMark> Issues, Dictionary<string, IssueLink> Links)
{
    public static ChangeMarks Of(SandboxData data) => new(
        data.Issues.ToDictionary(i => i.Id, i => new IssueMark(i.Key, i.Updated, i.Comments.ToDictionary(c => c.Id, c => c.Updated), i.Histories.Count)),
        data.IssueLinks.ToDictionary(l => l.Id));

    public IEnumerable<SandboxEvent> ChangesTo(ChangeMarks after)
    {
        foreach (var (id, mark) in after.Issues)
        {
            if (!Issues.TryGetValue(id, out var was))
            {
                yield return new SandboxEvent("jira:issue_created", "issue_created", id, mark.Key);
                foreach (var comment in mark.Comments.Keys) yield return new SandboxEvent("comment_created", null, id, mark.Key, comment);
                continue;
            }

            var commentEvents = new List<SandboxEvent>();
            foreach (var (comment, updated) in mark.Comments)
            {
                if (!was.Comments.TryGetValue(comment, out var before)) commentEvents.Add(new SandboxEvent("comment_created", null, id, mark.Key, comment));
                else if (before != updated) commentEvents.Add(new SandboxEvent("comment_updated", null, id, mark.Key, comment));
            }
            commentEvents.AddRange(was.Comments.Keys.Where(c => !mark.Comments.ContainsKey(c)).Select(c => new SandboxEvent("comment_deleted", null, id, mark.Key, c)));
            if (mark.Updated != was.Updated || mark.Key != was.Key || commentEvents.Count > 0)
            {
                var type = commentEvents.Any(e => e.Name == "comment_created") ? "issue_commented"
                    : commentEvents.Any(e => e.Name == "comment_updated") ? "issue_comment_edited"
                    : commentEvents.Count > 0 ? "issue_comment_deleted" : "issue_generic";
                yield return new SandboxEvent("jira:issue_updated", type, id, mark.Key, NewHistories: mark.Histories - was.Histories);
            }
            foreach (var commentEvent in commentEvents) yield return commentEvent;
        }

        foreach (var (id, was) in Issues.Where(i => !after.Issues.ContainsKey(i.Key)))
            yield return new SandboxEvent("jira:issue_deleted", "issue_deleted", id, was.Key);
        foreach (var link in after.Links.Values.Where(l => !Links.ContainsKey(l.Id)))
            yield return new SandboxEvent("issuelink_created", null, link.InwardIssueId, null, Link: link);
        foreach (var link in Links.Values.Where(l => !after.Links.ContainsKey(l.Id)))
            yield return new SandboxEvent("issuelink_deleted", null, link.InwardIssueId, null, Link: link);
    }
}

internal sealed record IssueMark(string Key, DateTimeOffset Updated, Dictionary<string, DateTimeOffset> Comments, int Histories);

/// <summary>One event to announce: its <c>webhookEvent</c>, the <c>issue_event_type_name</c> of issue events, the issue
/// (by id; its key as it is now), and the comment or link it is about.</summary>
internal sealed record SandboxEvent(string Name, string? IssueEventType, string IssueId, string? IssueKey, string? CommentId = null, IssueLink? Link = null, int NewHistories = 0);
