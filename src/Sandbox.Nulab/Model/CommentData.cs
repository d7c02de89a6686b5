namespace Sandbox.Nulab.Model;

/// <summary>A comment; ids are space-wide and increasing. A change-log-only comment has null or blank content.</summary>
public sealed record CommentData(int Id, int IssueId, string? Content, IReadOnlyList<ChangeLogData> ChangeLog, int CreatedUserId, DateTimeOffset Created, DateTimeOffset Updated);

/// <summary>One field change recorded with a comment; <see cref="AttachmentId"/> is set on "attachment" rows.</summary>
public sealed record ChangeLogData(string Field, string? OriginalValue, string? NewValue, int? AttachmentId = null);
