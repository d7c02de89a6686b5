using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>The issue filters backlog_get_issue_list and backlog_count_issues share: their input properties, and the
/// query they become, with names resolved to ids in the projects' own lists (never silently dropped).</summary>
public static class IssueFilters
{
    /// <summary><paramref name="more"/> with the filter properties added in front.</summary>
    public static JsonObject Properties(JsonObject more)
    {
        var properties = new JsonObject
        {
        ["projectIdOrKey"] = Schema.Text("Project key(s) or id(s), comma-separated, e.g. \"MYPROJ\", \"12345\" or \"MYPROJ,OTHER\". Keys are resolved to ids."),
        ["statusId"] = Schema.IdOrNameList("Status ids (any, including custom statuses such as 101) or status names, as an array or a comma-separated string. Defaults: 1 Open, 2 In Progress, 3 Resolved, 4 Closed."),
        ["priorityId"] = Schema.IdOrNameList("Priority ids or names: 2 High, 3 Normal, 4 Low."),
        ["assigneeId"] = Schema.IdOrNameList("Assignee user ids or names (backlog_get_users lists them); \"me\" is the API key's user. Names need projectIdOrKey."),
        ["categoryId"] = Schema.IdOrNameList("Category ids or names (backlog_get_categories). Names need projectIdOrKey."),
        ["milestoneId"] = Schema.IdOrNameList("Milestone ids or names (backlog_get_milestones). Names need projectIdOrKey."),
        ["keyword"] = Schema.Text("Text to search for in summaries and descriptions."),
        [CustomFieldFilters.Name] = CustomFieldFilters.Schema,
        ["parentChild"] = new JsonObject
        {
            ["type"] = "integer", ["enum"] = new JsonArray(0, 1, 2, 3, 4),
            ["description"] = "0 all issues, 1 exclude child issues, 2 child issues only, 3 issues that are neither parent nor child, 4 parent issues only.",
        },
        };
        foreach (var (name, value) in more.ToList())
        {
            more.Remove(name);
            properties[name] = value;
        }
        return properties;
    }

    public static async Task<NulabQuery> ReadAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var projectText = args.Text("projectIdOrKey") ?? "";
        var statuses = args.IdsOrNames("statusId");
        var priorities = args.IdsOrNames("priorityId");
        var assignees = args.IdsOrNames("assigneeId");
        var categories = args.IdsOrNames("categoryId");
        var milestones = args.IdsOrNames("milestoneId");
        var keyword = args.Text("keyword");
        var parentChild = args.WholeNumber("parentChild", 0, 4);

        var projectParts = projectText.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var projects = await Task.WhenAll(projectParts.Select(async part =>
            int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : (await context.ProjectAsync(part, cancellationToken)).Id));
        var statusIds = await StatusResolver.ResolveAsync(context, statuses, projectParts, cancellationToken);
        var priorityIds = await PriorityResolver.ResolveAsync(context, priorities, cancellationToken);
        var projectIds = projects.ToList();
        var assigneeIds = await NamedIdResolver.AssigneesAsync(context, assignees, projectIds, cancellationToken);
        var categoryIds = await NamedIdResolver.CategoriesAsync(context, categories, projectIds, cancellationToken);
        var milestoneIds = await NamedIdResolver.MilestonesAsync(context, milestones, projectIds, cancellationToken);

        var query = new NulabQuery()
            .AddArray("projectId", projectIds)
            .AddArray("statusId", statusIds)
            .AddArray("priorityId", priorityIds)
            .AddArray("assigneeId", assigneeIds)
            .AddArray("categoryId", categoryIds)
            .AddArray("milestoneId", milestoneIds)
            .Add("keyword", string.IsNullOrEmpty(keyword) ? null : keyword)
            .Add("parentChild", parentChild);
        await CustomFieldFilters.AddAsync(query, args, projectParts, context, cancellationToken);
        return query;
    }
}
