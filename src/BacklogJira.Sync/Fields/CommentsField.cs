using System.Collections.Immutable;
using System.Globalization;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Comments;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// The task's <c>## Comments</c> ⇄ the issue's comments, comment by comment (docs/sync.md, "Comments"). Opt-in
/// (<c>sync.fields.comments</c>): Jira gives an issue's comments one issue at a time. A comment is known on both sides
/// by its author and time (<see cref="CommentStamps"/>): one pulled from Jira is written to the task with its Jira
/// author (through <c>backlog.assigneeMapping</c>, else the display name) and time; one pushed to Jira starts with a
/// line naming its Backlog author and time, since Jira records the API user as every comment's author.
/// </summary>
public sealed class CommentsField : CommentThreadField, ISyncField
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    public override string Name => "comments";

    public bool SyncedByDefault => false;

    public bool WrittenAfterCreate => true;

    public SideValue ReadTask(TaskReading reading) =>
        SideValue.Of(TaskThread(reading.Task.Comments, reading.Markdown).Where(c => InWindow(c, reading.Config)).ToImmutableArray());

    public SideValue ReadIssue(IssueReading reading) => reading.Issue.Comments is { } comments
        ? SideValue.Of(IssueThread(comments, reading.Config, reading.Markdown).Select(c => c.Entry).Where(c => InWindow(c, reading.Config)).ToImmutableArray())
        : SideValue.Foreign("(not read)", $"the comments of {reading.Issue.Key} were not read; run 'backlog-jira sync --full'");

    /// <summary>Config <c>sync.commentsSince</c>: a comment made before that day is not synced (one with no time is).</summary>
    private static bool InWindow(CommentEntry comment, SyncConfig config) =>
        config.CommentsSince is not { } since || comment.Created.Length == 0 || string.CompareOrdinal(comment.Created, since) >= 0;

    /// <summary>Adds the comments the task lacks (with their author and time) and sets the text of those edited in Jira;
    /// a comment deleted in the task is not added back.</summary>
    public TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing)
    {
        var current = writing.Task.Comments;
        var stamps = TaskThread(current, CanonicalText.Markdown).Select((c, i) => (c.Stamp, c.Body, Index: current[i].Index)).ToDictionary(c => c.Stamp, StringComparer.Ordinal);
        var edits = new Dictionary<int, string>(edit.EditComments);
        var added = new List<NewComment>(edit.AddComments);
        foreach (var entry in Cast(value).Where(c => c.Gone != CommentGone.Backlog))
        {
            if (!stamps.TryGetValue(entry.Stamp, out var existing)) added.Add(new NewComment(entry.Body, NullIfEmpty(entry.Author), NullIfEmpty(entry.Created)));
            else if (existing.Body != entry.Body) edits[existing.Index] = entry.Body;
        }
        return edit with { EditComments = edits, AddComments = added };
    }

    /// <summary>Comments are not fields of the edit: a step after it reads the issue's comments again, adds the ones it
    /// lacks and sets the text of those edited in Backlog. A comment this run saw in Jira and no longer finds there was
    /// deleted meanwhile: it is not added back. A retry finds its own comments by their stamp and adds none twice.</summary>
    public Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken)
    {
        if (writing.Issue is not { } issue) return Task.FromResult(JiraFieldWrite.Skipped);
        var wanted = Cast(value).Where(c => c.Gone != CommentGone.Jira).ToList();
        return Task.FromResult(new JiraFieldWrite(AfterEdit: async token =>
        {
            var seen = IssueThread(issue.Comments ?? [], writing.Config, CanonicalText.Markdown).Select(c => c.Entry.Stamp).ToHashSet(StringComparer.Ordinal);
            var fresh = IssueThread(await writing.Jira.GetCommentsAsync(issue.Key, token), writing.Config, CanonicalText.Markdown)
                .ToDictionary(c => c.Entry.Stamp, StringComparer.Ordinal);
            foreach (var entry in wanted)
            {
                if (fresh.TryGetValue(entry.Stamp, out var there))
                {
                    if (there.Entry.Body != entry.Body)
                        await writing.Jira.UpdateCommentAsync(issue.Key, there.Id, there.FromBacklog ? WithHeader(entry) : entry.Body, token);
                }
                else if (!seen.Contains(entry.Stamp))
                {
                    await writing.Jira.AddCommentAsync(issue.Key, WithHeader(entry), token);
                }
            }
            return true;
        }));
    }

    public Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken) =>
        Task.FromResult(draft);

    public NewTask ToNewTask(NewTask task, object? value, TaskWriting writing) =>
        task with { Comments = [.. Cast(value).Select(c => new NewComment(c.Body, NullIfEmpty(c.Author), NullIfEmpty(c.Created)))] };

    private static ImmutableArray<CommentEntry> TaskThread(IReadOnlyList<TaskComment> comments, Func<string, string> markdown)
    {
        var stamps = CommentStamps.Of(comments.Select(c => (c.Author ?? "", c.Created ?? "")));
        return [.. comments.Select((c, i) => new CommentEntry(stamps[i], c.Author ?? "", c.Created ?? "", Body(c.Body, markdown)))];
    }

    /// <summary>Each Jira comment with its id and whether it came from Backlog (our header), its author and time taken
    /// from the header when there is one.</summary>
    private static List<(string Id, bool FromBacklog, CommentEntry Entry)> IssueThread(IReadOnlyList<JiraComment> comments, SyncConfig config, Func<string, string> markdown)
    {
        var read = comments.Select(c =>
        {
            var (author, created, body) = CommentStamps.ReadHeader(c.Body);
            if (author is not null) return (c.Id, FromBacklog: true, Author: author, Created: created ?? "", Body: body);
            var user = c.Author;
            var name = user is null ? "" : config.Assignees.ToBacklog([user.AccountId, user.Name, user.Key, user.Email, user.DisplayName]) ?? user.DisplayName;
            return (c.Id, FromBacklog: false, Author: name, Created: c.Created.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture), Body: c.Body);
        }).ToList();
        var stamps = CommentStamps.Of(read.Select(c => (c.Author, c.Created)));
        return [.. read.Select((c, i) => (c.Id, c.FromBacklog, new CommentEntry(stamps[i], c.Author, c.Created, Body(c.Body, markdown))))];
    }

    private static string Body(string text, Func<string, string> markdown) => CommentStamps.Canonical(markdown(CommentStamps.Canonical(text)));

    private static string WithHeader(CommentEntry entry) => CommentStamps.Header(entry.Author, entry.Created) + "\n\n" + entry.Body;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
