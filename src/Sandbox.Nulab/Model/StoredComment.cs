namespace Sandbox.Nulab.Model;

/// <summary>A comment; ids are space-wide and increasing. A change-log-only comment has null or blank content.</summary>
public sealed record StoredComment(int Id, int IssueId, string? Content, IReadOnlyList<StoredChange> ChangeLog, int CreatedUserId, DateTimeOffset Created, DateTimeOffset Updated);

/// <summary>One field change recorded with a comment; <see cref="AttachmentId"/> is set on "attachment" rows.</summary>
public sealed record StoredChange(string Field, string? OriginalValue, string? NewValue, int? AttachmentId = null);
