using System.Text.Json.Nodes;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira.Http;

/// <summary>Jira's response shapes (docs/reference/jira.md §2, the OpenAPI description's schemas), built from sandbox state.</summary>
internal static class JiraJson
{
    /// <summary>A user; <c>full</c> gives the User schema of /myself and /user (with locale), otherwise the
    /// UserDetails shape Jira embeds in issues, comments and histories.</summary>
    public static JsonObject User(SandboxUser user, ApiContext context, bool full = false)
    {
        var avatars = new JsonObject
        {
            ["48x48"] = $"{context.BaseUrl}/avatar/{user.Key}?s=48",
            ["24x24"] = $"{context.BaseUrl}/avatar/{user.Key}?s=24",
            ["16x16"] = $"{context.BaseUrl}/avatar/{user.Key}?s=16",
            ["32x32"] = $"{context.BaseUrl}/avatar/{user.Key}?s=32",
        };
        var json = Shape(user, context, avatars);
        if (full) json["locale"] = "en_US";
        return json;
    }

    private static JsonObject Shape(SandboxUser user, ApiContext context, JsonObject avatars)
    {
        if (context.IsCloud)
        {
            return new JsonObject
            {
                ["self"] = $"{context.ApiBase}/user?accountId={user.AccountId}",
                ["accountId"] = user.AccountId,
                ["accountType"] = "atlassian",
                ["emailAddress"] = user.Email,
                ["avatarUrls"] = avatars,
                ["displayName"] = user.DisplayName,
                ["active"] = user.Active,
                ["timeZone"] = context.State.TimeZone.Id,
            };
        }
        return new JsonObject
        {
            ["self"] = $"{context.ApiBase}/user?username={user.Name}",
            ["key"] = user.Key,
            ["name"] = user.Name,
            ["emailAddress"] = user.Email,
            ["avatarUrls"] = avatars,
            ["displayName"] = user.DisplayName,
            ["active"] = user.Active,
            ["timeZone"] = context.State.TimeZone.Id,
        };
    }

    public static JsonObject? UserByKey(SandboxData data, string? key, ApiContext context) =>
        key is null || SandboxState.FindUser(data, key) is not { } user ? null : User(user, context);

    public static JsonObject StatusCategoryJson(StatusCategory category, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/statuscategory/{category.Id}",
        ["id"] = category.Id,
        ["key"] = category.Key,
        ["colorName"] = category.ColorName,
        ["name"] = category.Name,
    };

    public static JsonObject Status(WorkflowStatus status, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/status/{status.Id}",
        ["description"] = "",
        ["iconUrl"] = $"{context.BaseUrl}/images/icons/statuses/generic.png",
        ["name"] = status.Name,
        ["id"] = status.Id,
        ["statusCategory"] = StatusCategoryJson(StatusCategory.ByKey(status.CategoryKey), context),
    };

    public static JsonObject PriorityJson(Priority priority, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/priority/{priority.Id}",
        ["statusColor"] = priority.StatusColor,
        ["description"] = priority.Name + " priority",
        ["iconUrl"] = $"{context.BaseUrl}/images/icons/priorities/{priority.Name.ToLowerInvariant()}.svg",
        ["name"] = priority.Name,
        ["id"] = priority.Id,
    };

    public static JsonObject IssueTypeJson(IssueType type, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/issuetype/{type.Id}",
        ["id"] = type.Id,
        ["description"] = "",
        ["iconUrl"] = $"{context.BaseUrl}/images/icons/issuetypes/{type.Name.ToLowerInvariant()}.svg",
        ["name"] = type.Name,
        ["subtask"] = type.Subtask,
        ["hierarchyLevel"] = type.HierarchyLevel,
    };

    public static JsonObject ProjectRef(SandboxProject project, ApiContext context) => new()
    {
        ["self"] = $"{context.ApiBase}/project/{project.Id}",
        ["id"] = project.Id,
        ["key"] = project.Key,
        ["name"] = project.Name,
        ["projectTypeKey"] = "software",
        ["simplified"] = false,
        ["avatarUrls"] = new JsonObject { ["48x48"] = $"{context.BaseUrl}/project-avatar/{project.Id}" },
    };

    public static JsonObject Project(SandboxProject project, SandboxData data, ApiContext context)
    {
        var json = ProjectRef(project, context);
        json["description"] = "";
        json["lead"] = UserByKey(data, project.LeadId, context);
        json["components"] = new JsonArray([.. project.Components.Select(c => (JsonNode)ComponentEndpoints.Render(c, project, context))]);
        json["issueTypes"] = new JsonArray([.. SandboxProject.IssueTypes.Select(t => (JsonNode)IssueTypeJson(t, context))]);
        json["assigneeType"] = "UNASSIGNED";
        json["versions"] = new JsonArray();
        json["roles"] = new JsonObject();
        json["style"] = "classic";
        json["isPrivate"] = false;
        json["properties"] = new JsonObject();
        return json;
    }

    public static JsonObject Comment(SandboxComment comment, SandboxData data, ApiContext context, string issueId) => new()
    {
        ["self"] = $"{context.ApiBase}/issue/{issueId}/comment/{comment.Id}",
        ["id"] = comment.Id,
        ["author"] = UserByKey(data, comment.AuthorId, context),
        ["body"] = RichText.ToResponse(comment.Body, context),
        ["updateAuthor"] = UserByKey(data, comment.AuthorId, context),
        ["created"] = JiraTime.Format(comment.Created, context.State.TimeZone),
        ["updated"] = JiraTime.Format(comment.Updated, context.State.TimeZone),
        ["jsdPublic"] = true,
    };

    public static JsonObject History(ChangeHistory history, SandboxData data, ApiContext context) => new()
    {
        ["id"] = history.Id,
        ["author"] = UserByKey(data, history.AuthorId, context),
        ["created"] = JiraTime.Format(history.Created, context.State.TimeZone),
        ["items"] = new JsonArray([.. history.Items.Select(item => (JsonNode)new JsonObject
        {
            ["field"] = item.Field,
            ["fieldtype"] = item.FieldType,
            ["fieldId"] = item.Field,
            ["from"] = item.From,
            ["fromString"] = item.FromText,
            ["to"] = item.To,
            ["toString"] = item.ToText,
        })]),
    };

    public static JsonObject Error(IReadOnlyList<string> messages, IReadOnlyDictionary<string, string>? errors = null)
    {
        var fieldErrors = new JsonObject();
        foreach (var (key, value) in errors ?? new Dictionary<string, string>()) fieldErrors[key] = value;
        return new JsonObject { ["errorMessages"] = new JsonArray([.. messages.Select(m => (JsonNode)m)]), ["errors"] = fieldErrors };
    }
}
