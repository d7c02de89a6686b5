using System.Text.Json.Serialization;

namespace BacklogMcp.Core.Api;

// The parts of Backlog's API v2 objects (nulab-backlog-mcp.md §2.6) the tools read. Dates stay the strings Backlog
// sends: start and due dates are shown raw, as the reference does, and only created/updated are formatted.

public sealed record BacklogUser(int Id, string? UserId, string? Name, int? RoleType, string? MailAddress, string? Lang);

public sealed record BacklogNamed(int Id, string? Name);

public sealed record BacklogStatus(int Id, int ProjectId, string? Name, string? Color, int DisplayOrder);

public sealed record BacklogIssueType(int Id, int ProjectId, string? Name, string? Color, int DisplayOrder);

public sealed record BacklogCategory(int Id, string? Name, int DisplayOrder);

public sealed record BacklogVersion(int Id, int ProjectId, string? Name, string? Description, string? StartDate, string? ReleaseDueDate, bool Archived, int DisplayOrder);

public sealed record BacklogProject(int Id, string? ProjectKey, string? Name, bool Archived, string? TextFormattingRule);

public sealed record BacklogAttachment(int Id, string? Name, long Size, BacklogUser? CreatedUser, string? Created);

public sealed record BacklogAttachmentInfo(int Id, string? Type);

public sealed record BacklogChange(string? Field, string? OriginalValue, string? NewValue, BacklogAttachmentInfo? AttachmentInfo);

public sealed record BacklogComment(int Id, string? Content, IReadOnlyList<BacklogChange>? ChangeLog, BacklogUser? CreatedUser, string? Created, string? Updated);

public sealed record BacklogCount(int Count);

public sealed record BacklogIssue(
    int Id,
    int ProjectId,
    string? IssueKey,
    BacklogIssueType? IssueType,
    string? Summary,
    string? Description,
    BacklogNamed? Resolution,
    BacklogNamed? Priority,
    BacklogStatus? Status,
    BacklogUser? Assignee,
    IReadOnlyList<BacklogCategory>? Category,
    IReadOnlyList<BacklogVersion>? Versions,
    IReadOnlyList<BacklogVersion>? Milestone,
    string? StartDate,
    string? DueDate,
    decimal? EstimatedHours,
    decimal? ActualHours,
    int? ParentIssueId,
    BacklogUser? CreatedUser,
    string? Created,
    BacklogUser? UpdatedUser,
    string? Updated,
    IReadOnlyList<BacklogAttachment>? Attachments);

/// <summary>Source-generated (de)serialisation: no reflection at start, which keeps the cold start short.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BacklogIssue))]
[JsonSerializable(typeof(List<BacklogIssue>))]
[JsonSerializable(typeof(List<BacklogComment>))]
[JsonSerializable(typeof(BacklogComment))]
[JsonSerializable(typeof(List<BacklogProject>))]
[JsonSerializable(typeof(BacklogProject))]
[JsonSerializable(typeof(List<BacklogUser>))]
[JsonSerializable(typeof(List<BacklogStatus>))]
[JsonSerializable(typeof(List<BacklogNamed>))]
[JsonSerializable(typeof(List<BacklogIssueType>))]
[JsonSerializable(typeof(List<BacklogCategory>))]
[JsonSerializable(typeof(List<BacklogVersion>))]
[JsonSerializable(typeof(List<BacklogAttachment>))]
[JsonSerializable(typeof(BacklogCount))]
internal sealed partial class BacklogJsonContext : JsonSerializerContext;
