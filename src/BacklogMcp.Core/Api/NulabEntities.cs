using System.Text.Json.Serialization;

namespace BacklogMcp.Core.Api;

// The parts of Backlog's API v2 objects (docs/reference/nulab-backlog.md §2.6) the tools read. Dates stay the strings Backlog
// sends: start and due dates are shown raw, as the reference does, and only created/updated are formatted.

public sealed record NulabUser(int Id, string? UserId, string? Name, int? RoleType, string? MailAddress, string? Lang);

public sealed record NulabNamed(int Id, string? Name);

public sealed record NulabStatus(int Id, int ProjectId, string? Name, string? Color, int DisplayOrder);

public sealed record NulabIssueType(int Id, int ProjectId, string? Name, string? Color, int DisplayOrder);

public sealed record NulabCategory(int Id, string? Name, int DisplayOrder);

public sealed record NulabVersion(int Id, int ProjectId, string? Name, string? Description, string? StartDate, string? ReleaseDueDate, bool Archived, int DisplayOrder);

public sealed record NulabProject(int Id, string? ProjectKey, string? Name, bool Archived, string? TextFormattingRule,
    bool SubtaskingEnabled = false, bool UseWiki = false, bool UseGit = false, bool UseFileSharing = false);

public sealed record NulabWikiTag(int Id, string? Name);

public sealed record NulabRepository(int Id, int ProjectId, string? Name, string? Description, string? HttpUrl, string? SshUrl, string? PushedAt, NulabUser? CreatedUser, string? Created);

/// <summary>A pull request; <see cref="Status"/> is 1 Open, 2 Closed or 3 Merged.</summary>
public sealed record NulabPullRequest(int Id, int ProjectId, int RepositoryId, int Number, string? Summary, string? Description, string? Base, string? Branch,
    NulabNamed? Status, NulabUser? Assignee, NulabIssue? Issue, NulabUser? CreatedUser, string? Created, string? Updated);

/// <summary>A notification to the API key's user; <see cref="Reason"/> is Backlog's number (docs/backlog-mcp.md).</summary>
public sealed record NulabNotification(int Id, bool AlreadyRead, int Reason, bool ResourceAlreadyRead, NulabProject? Project, NulabIssue? Issue, NulabComment? Comment,
    NulabPullRequest? PullRequest, NulabUser? Sender, string? Created);

/// <summary>An issue a user watches.</summary>
public sealed record NulabWatching(int Id, bool ResourceAlreadyRead, string? Note, string? Type, NulabIssue? Issue, string? LastContentUpdated, string? Created);

/// <summary>A document (ids are strings); <see cref="Plain"/> is its text.</summary>
public sealed record NulabDocument(string Id, int ProjectId, string? Title, string? Plain, string? Emoji, IReadOnlyList<NulabWikiTag>? Tags,
    NulabUser? CreatedUser, string? Created, NulabUser? UpdatedUser, string? Updated, IReadOnlyList<string>? ChildDocumentIds);

public sealed record NulabDocumentTree(int ProjectId, NulabDocumentTreeRoot? ActiveTree, NulabDocumentTreeRoot? TrashTree);

public sealed record NulabDocumentTreeRoot(string? Id, IReadOnlyList<NulabDocumentTreeNode>? Children);

public sealed record NulabDocumentTreeNode(string Id, string? Name, IReadOnlyList<NulabDocumentTreeNode>? Children, string? Emoji, string? Updated);

public sealed record NulabPullRequestComment(int Id, string? Content, NulabUser? CreatedUser, string? Created, string? Updated);

/// <summary>A wiki page as the page list gives it (no content).</summary>
public sealed record NulabWikiPage(int Id, int ProjectId, string? Name, IReadOnlyList<NulabWikiTag>? Tags, NulabUser? CreatedUser, string? Created, NulabUser? UpdatedUser, string? Updated);

/// <summary>One wiki page whole: its content (Markdown or Backlog notation, as the project's formatting rule says) and attachments.</summary>
public sealed record NulabWiki(int Id, int ProjectId, string? Name, string? Content, IReadOnlyList<NulabWikiTag>? Tags, IReadOnlyList<NulabAttachment>? Attachments,
    NulabUser? CreatedUser, string? Created, NulabUser? UpdatedUser, string? Updated);

public sealed record NulabAttachment(int Id, string? Name, long Size, NulabUser? CreatedUser, string? Created);

public sealed record NulabAttachmentRef(int Id, string? Type);

public sealed record NulabChange(string? Field, string? OriginalValue, string? NewValue, NulabAttachmentRef? AttachmentInfo);

public sealed record NulabComment(int Id, string? Content, IReadOnlyList<NulabChange>? ChangeLog, NulabUser? CreatedUser, string? Created, string? Updated);

public sealed record NulabCount(int Count);

/// <summary>One recent update; <see cref="Content"/>'s shape depends on <see cref="Type"/> (docs/reference/nulab-backlog.md §2.12).</summary>
public sealed record NulabActivity(long Id, NulabProject? Project, int Type, System.Text.Json.JsonElement Content, NulabUser? CreatedUser, string? Created);

public sealed record NulabSpace(string? SpaceKey, string? Name, int OwnerId, string? Lang, string? Timezone, string? TextFormattingRule, string? Created, string? Updated);

public sealed record NulabCustomFieldItem(int Id, string? Name, int DisplayOrder);

/// <summary>A project's custom field; <see cref="TypeId"/>: 1 text, 2 sentence, 3 number, 4 date, 5 single list,
/// 6 multiple list, 7 checkbox, 8 radio (docs/reference/nulab-backlog.md).</summary>
public sealed record NulabCustomField(int Id, int TypeId, string? Name, string? Description, bool Required, IReadOnlyList<int>? ApplicableIssueTypes,
    IReadOnlyList<NulabCustomFieldItem>? Items);

public sealed record NulabIssue(
    int Id,
    int ProjectId,
    string? IssueKey,
    NulabIssueType? IssueType,
    string? Summary,
    string? Description,
    NulabNamed? Resolution,
    NulabNamed? Priority,
    NulabStatus? Status,
    NulabUser? Assignee,
    IReadOnlyList<NulabCategory>? Category,
    IReadOnlyList<NulabVersion>? Versions,
    IReadOnlyList<NulabVersion>? Milestone,
    string? StartDate,
    string? DueDate,
    decimal? EstimatedHours,
    decimal? ActualHours,
    int? ParentIssueId,
    NulabUser? CreatedUser,
    string? Created,
    NulabUser? UpdatedUser,
    string? Updated,
    IReadOnlyList<NulabAttachment>? Attachments,
    IReadOnlyList<NulabCustomValue>? CustomFields = null);

/// <summary>A custom field's value on an issue: text, a number, a date, one item <c>{id, name}</c> or an array of them.</summary>
public sealed record NulabCustomValue(int Id, int FieldTypeId, string? Name, System.Text.Json.JsonElement Value)
{
    /// <summary>The value as a person reads it: items by name, comma-separated.</summary>
    public string Shown => Value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => Value.GetString() ?? "",
        System.Text.Json.JsonValueKind.Number => Value.GetRawText(),
        System.Text.Json.JsonValueKind.Object => Value.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
        System.Text.Json.JsonValueKind.Array => string.Join(", ", Value.EnumerateArray().Select(i => i.ValueKind == System.Text.Json.JsonValueKind.Object && i.TryGetProperty("name", out var n) ? n.GetString() : i.ToString())),
        _ => "",
    };
}

/// <summary>Source-generated (de)serialisation: no reflection at start, which keeps the cold start short.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(NulabIssue))]
[JsonSerializable(typeof(List<NulabIssue>))]
[JsonSerializable(typeof(List<NulabComment>))]
[JsonSerializable(typeof(NulabComment))]
[JsonSerializable(typeof(List<NulabProject>))]
[JsonSerializable(typeof(NulabProject))]
[JsonSerializable(typeof(List<NulabUser>))]
[JsonSerializable(typeof(NulabUser))]
[JsonSerializable(typeof(List<NulabStatus>))]
[JsonSerializable(typeof(List<NulabNamed>))]
[JsonSerializable(typeof(List<NulabIssueType>))]
[JsonSerializable(typeof(List<NulabCategory>))]
[JsonSerializable(typeof(List<NulabVersion>))]
[JsonSerializable(typeof(NulabVersion))]
[JsonSerializable(typeof(List<NulabActivity>))]
[JsonSerializable(typeof(List<NulabAttachment>))]
[JsonSerializable(typeof(NulabCount))]
[JsonSerializable(typeof(NulabSpace))]
[JsonSerializable(typeof(List<NulabCustomField>))]
[JsonSerializable(typeof(List<NulabWikiPage>))]
[JsonSerializable(typeof(NulabWiki))]
[JsonSerializable(typeof(List<NulabRepository>))]
[JsonSerializable(typeof(NulabRepository))]
[JsonSerializable(typeof(List<NulabPullRequest>))]
[JsonSerializable(typeof(NulabPullRequest))]
[JsonSerializable(typeof(List<NulabPullRequestComment>))]
[JsonSerializable(typeof(List<NulabNotification>))]
[JsonSerializable(typeof(List<NulabWatching>))]
[JsonSerializable(typeof(List<NulabDocument>))]
[JsonSerializable(typeof(NulabDocument))]
[JsonSerializable(typeof(NulabDocumentTree))]
internal sealed partial class NulabJsonContext : JsonSerializerContext;
