namespace BacklogJira.Core.Comments;

/// <summary>Which side a comment was deleted on while the other kept it (docs/sync.md, "Comments").</summary>
public enum CommentGone
{
    None,
    Backlog,
    Jira,
}

/// <summary>
/// One comment of a thread, as both sides can hold it: its <see cref="Stamp"/> (who and when, the identity that
/// crosses: docs/sync.md "Comments"), the author and time as a task comment writes them, and the body in canonical
/// Markdown. <see cref="Gone"/> is set only in the agreed base: the side where it was deleted, so it is never added back there.
/// </summary>
public sealed record CommentEntry(string Stamp, string Author, string Created, string Body, CommentGone Gone = CommentGone.None);
