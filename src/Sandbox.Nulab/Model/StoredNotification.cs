namespace Sandbox.Nulab.Model;

/// <summary>A notification to <see cref="UserId"/> about an issue (and one of its comments) or a pull request.
/// <see cref="Reason"/> is Backlog's number (1 assigned, 2 commented, 3 issue created, 4 issue updated, …, 10 assigned
/// to a pull request, 11 pull request commented).</summary>
public sealed record StoredNotification(int Id, int UserId, int Reason, int SenderId, DateTimeOffset Created, int? IssueId = null, int? CommentId = null, int? PullRequestId = null)
{
    public bool AlreadyRead { get; set; }

    public bool ResourceAlreadyRead { get; set; }
}

/// <summary>An issue a user watches, with a note.</summary>
public sealed record StoredWatching(int Id, int UserId, int IssueId, string Note, DateTimeOffset Created)
{
    public bool ResourceAlreadyRead { get; set; }
}
