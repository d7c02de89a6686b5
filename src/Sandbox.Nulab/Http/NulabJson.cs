using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>The API v2 shapes of docs/reference/nulab-backlog.md §2.6, built from the sandbox's state.</summary>
internal static class NulabJson
{
    // Backlog writes non-ASCII text as it is (UTF-8), not as \u escapes.
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonNode? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    public static JsonObject Error(int code, string message, string moreInfo = "") =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["code"] = code, ["moreInfo"] = moreInfo }) };

    public static JsonObject User(SpaceUser user) => new()
    {
        ["id"] = user.Id,
        ["userId"] = user.UserId,
        ["name"] = user.Name,
        ["roleType"] = user.RoleType,
        ["lang"] = user.Lang,
        ["nulabAccount"] = user.UserId is null ? null : new JsonObject { ["nulabId"] = "n" + user.Id.ToString(CultureInfo.InvariantCulture), ["name"] = user.Name, ["uniqueId"] = user.UserId },
        ["mailAddress"] = user.MailAddress,
        ["lastLoginTime"] = Time(SpaceSeed.Epoch.AddDays(user.Id)),
    };

    public static JsonObject Project(StoredProject project) => new()
    {
        ["id"] = project.Id,
        ["projectKey"] = project.Key,
        ["name"] = project.Name,
        ["chartEnabled"] = true,
        ["useResolvedForChart"] = false,
        ["subtaskingEnabled"] = true,
        ["projectLeaderCanEditProjectLeader"] = false,
        ["useWiki"] = true,
        ["useFileSharing"] = true,
        ["useWikiTreeView"] = true,
        ["useOriginalImageSizeAtWiki"] = false,
        ["useSubversion"] = false,
        ["useGit"] = true,
        ["textFormattingRule"] = project.TextFormattingRule,
        ["archived"] = project.Archived,
        ["displayOrder"] = project.DisplayOrder,
        ["useDevAttributes"] = true,
    };

    public static JsonObject Status(StoredStatus status) => new()
    {
        ["id"] = status.Id, ["projectId"] = status.ProjectId, ["name"] = status.Name, ["color"] = status.Color, ["displayOrder"] = status.DisplayOrder,
    };

    public static JsonObject IssueType(StoredIssueType type) => new()
    {
        ["id"] = type.Id, ["projectId"] = type.ProjectId, ["name"] = type.Name, ["color"] = type.Color, ["displayOrder"] = type.DisplayOrder,
        ["templateSummary"] = null, ["templateDescription"] = null,
    };

    public static JsonObject Category(StoredCategory category) => new()
    {
        ["id"] = category.Id, ["projectId"] = category.ProjectId, ["name"] = category.Name, ["displayOrder"] = category.DisplayOrder,
    };

    public static JsonObject Version(StoredVersion version) => new()
    {
        ["id"] = version.Id, ["projectId"] = version.ProjectId, ["name"] = version.Name, ["description"] = version.Description,
        ["startDate"] = Time(version.StartDate), ["releaseDueDate"] = Time(version.ReleaseDueDate), ["archived"] = version.Archived, ["displayOrder"] = version.DisplayOrder,
    };

    /// <summary>A custom field definition in the shape of Nulab's "Get Custom Field List" (list types carry their items).</summary>
    public static JsonObject CustomField(StoredCustomField field)
    {
        var json = new JsonObject
        {
            ["id"] = field.Id, ["projectId"] = field.ProjectId, ["typeId"] = field.TypeId, ["name"] = field.Name, ["description"] = field.Description,
            ["required"] = field.Required, ["useIssueType"] = field.ApplicableIssueTypes.Count > 0,
            ["applicableIssueTypes"] = new JsonArray([.. field.ApplicableIssueTypes.Select(t => (JsonNode)t)]), ["displayOrder"] = 2147483646,
        };
        if (field.TypeId is >= 5 and <= 8)
        {
            json["allowAddItem"] = false;
            json["items"] = new JsonArray([.. field.Items.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["name"] = i.Name, ["displayOrder"] = i.DisplayOrder })]);
        }
        return json;
    }

    public static JsonObject Named(NamedEntry named) => new() { ["id"] = named.Id, ["name"] = named.Name };

    public static JsonObject Attachment(SpaceState space, StoredAttachment attachment) => new()
    {
        ["id"] = attachment.Id, ["name"] = attachment.Name, ["size"] = attachment.Size,
        ["createdUser"] = User(space.User(attachment.CreatedUserId)), ["created"] = Time(attachment.Created),
    };

    /// <summary>An issue's custom field values as Backlog answers them: <c>{id, fieldTypeId, name, value}</c>, the value
    /// a string, a number, one <c>{id, name}</c> item (single list, radio) or an array of them (multiple list, checkbox).</summary>
    public static JsonArray CustomValues(StoredProject project, StoredIssue issue) => new([.. project.CustomFields
        .Where(f => issue.CustomValues.ContainsKey(f.Id))
        .Select(f =>
        {
            var stored = issue.CustomValues[f.Id];
            JsonNode? Item(int id) => f.Items.FirstOrDefault(i => i.Id == id) is { } item ? new JsonObject { ["id"] = item.Id, ["name"] = item.Name } : null;
            JsonNode? value = f.TypeId switch
            {
                3 => stored.Number is { } n ? JsonValue.Create(n) : null,
                5 or 8 => stored.Items is [var one, ..] ? Item(one) : null,
                6 or 7 => new JsonArray([.. (stored.Items ?? []).Select(Item)]),
                _ => stored.Text is { } t ? JsonValue.Create(t) : null,
            };
            return (JsonNode)new JsonObject { ["id"] = f.Id, ["fieldTypeId"] = f.TypeId, ["name"] = f.Name, ["value"] = value };
        })]);

    public static JsonObject Issue(SpaceState space, StoredIssue issue)
    {
        var project = space.ProjectOf(issue);
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["projectId"] = issue.ProjectId,
            ["issueKey"] = issue.IssueKey,
            ["keyId"] = issue.KeyId,
            ["issueType"] = IssueType(project.IssueTypes.Find(t => t.Id == issue.IssueTypeId)!),
            ["summary"] = issue.Summary,
            ["description"] = issue.Description,
            ["resolution"] = issue.ResolutionId is { } r ? Named(space.Resolutions.Find(x => x.Id == r)!) : null,
            ["priority"] = issue.PriorityId is { } p ? Named(space.Priorities.Find(x => x.Id == p)!) : null,
            ["status"] = Status(project.Statuses.Find(s => s.Id == issue.StatusId)!),
            ["assignee"] = issue.AssigneeId is { } a ? User(space.User(a)) : null,
            ["category"] = new JsonArray([.. issue.CategoryIds.Select(id => (JsonNode)Category(project.Categories.Find(c => c.Id == id)!))]),
            ["versions"] = new JsonArray([.. issue.VersionIds.Select(id => (JsonNode)Version(project.Versions.Find(v => v.Id == id)!))]),
            ["milestone"] = new JsonArray([.. issue.MilestoneIds.Select(id => (JsonNode)Version(project.Versions.Find(v => v.Id == id)!))]),
            ["startDate"] = Time(issue.StartDate),
            ["dueDate"] = Time(issue.DueDate),
            ["estimatedHours"] = issue.EstimatedHours,
            ["actualHours"] = issue.ActualHours,
            ["parentIssueId"] = issue.ParentIssueId,
            ["createdUser"] = User(space.User(issue.CreatedUserId)),
            ["created"] = Time(issue.Created),
            ["updatedUser"] = User(space.User(issue.UpdatedUserId)),
            ["updated"] = Time(issue.Updated),
            ["customFields"] = CustomValues(project, issue),
            ["attachments"] = new JsonArray([.. issue.Attachments.Select(x => (JsonNode)Attachment(space, x))]),
            ["sharedFiles"] = new JsonArray(),
            ["stars"] = new JsonArray(),
        };
    }

    public static JsonObject Comment(SpaceState space, StoredIssue issue, StoredComment comment) => new()
    {
        ["id"] = comment.Id,
        ["projectId"] = issue.ProjectId,
        ["issueId"] = issue.Id,
        ["content"] = comment.Content,
        ["changeLog"] = comment.ChangeLog.Count == 0 ? null : new JsonArray([.. comment.ChangeLog.Select(c => (JsonNode)new JsonObject
        {
            ["field"] = c.Field,
            ["newValue"] = c.NewValue,
            ["originalValue"] = c.OriginalValue,
            ["attachmentInfo"] = c.AttachmentId is { } id ? new JsonObject { ["id"] = id, ["type"] = "file" } : null,
            ["attributeInfo"] = null,
            ["notificationInfo"] = null,
        })]),
        ["createdUser"] = User(space.User(comment.CreatedUserId)),
        ["created"] = Time(comment.Created),
        ["updated"] = Time(comment.Updated),
        ["stars"] = new JsonArray(),
        ["notifications"] = new JsonArray(),
    };
}
