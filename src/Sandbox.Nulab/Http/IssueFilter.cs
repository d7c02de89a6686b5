using Sandbox.Nulab.Model;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab.Http;

/// <summary>GET /api/v2/issues semantics (docs/reference/nulab-backlog.md §2.5): AND across parameters, OR within one array;
/// keyword is a case-insensitive substring of summary or description; parentChild 1 excludes children, 2 children
/// only, 3 neither parent nor child, 4 parents only.</summary>
internal static class IssueFilter
{
    public static readonly string[] SortKeys =
    [
        "issueType", "category", "version", "milestone", "summary", "status", "priority", "attachment", "sharedFile", "created",
        "createdUser", "updated", "updatedUser", "assignee", "startDate", "dueDate", "estimatedHours", "actualHours", "childIssue",
    ];

    public static IEnumerable<StoredIssue> Apply(SpaceState space, QueryReader query)
    {
        var projects = query.Ints("projectId");
        var issueTypes = query.Ints("issueTypeId");
        var categories = query.Ints("categoryId");
        var versions = query.Ints("versionId");
        var milestones = query.Ints("milestoneId");
        var statuses = query.Ints("statusId");
        var priorities = query.Ints("priorityId");
        var assignees = query.Ints("assigneeId");
        var creators = query.Ints("createdUserId");
        var resolutions = query.Ints("resolutionId");
        var ids = query.Ints("id");
        var parents = query.Ints("parentIssueId");
        var parentChild = query.Int("parentChild") ?? 0;
        if (parentChild is < 0 or > 4) throw NulabApiException.Invalid("parentChild must be 0, 1, 2, 3 or 4.");
        var attachment = query.Bool("attachment");
        var keyword = query.Text("keyword")?.Trim();
        var createdSince = query.Date("createdSince");
        var createdUntil = query.Date("createdUntil");
        var updatedSince = query.Date("updatedSince");
        var updatedUntil = query.Date("updatedUntil");
        var dueSince = query.Date("dueDateSince");
        var dueUntil = query.Date("dueDateUntil");
        var startSince = query.Date("startDateSince");
        var startUntil = query.Date("startDateUntil");
        var parentIds = space.Issues.Where(i => i.ParentIssueId is not null).Select(i => i.ParentIssueId!.Value).ToHashSet();
        var custom = CustomFieldFilters(space, query);

        return space.Issues.Where(issue =>
            (projects.Count == 0 || projects.Contains(issue.ProjectId))
            && (issueTypes.Count == 0 || issueTypes.Contains(issue.IssueTypeId))
            && (categories.Count == 0 || issue.CategoryIds.Exists(categories.Contains))
            && (versions.Count == 0 || issue.VersionIds.Exists(versions.Contains))
            && (milestones.Count == 0 || issue.MilestoneIds.Exists(milestones.Contains))
            && (statuses.Count == 0 || statuses.Contains(issue.StatusId))
            && (priorities.Count == 0 || issue.PriorityId is { } p && priorities.Contains(p))
            && (assignees.Count == 0 || issue.AssigneeId is { } a && assignees.Contains(a))
            && (creators.Count == 0 || creators.Contains(issue.CreatedUserId))
            && (resolutions.Count == 0 || issue.ResolutionId is { } r && resolutions.Contains(r))
            && (ids.Count == 0 || ids.Contains(issue.Id))
            && (parents.Count == 0 || issue.ParentIssueId is { } parent && parents.Contains(parent))
            && parentChild switch
            {
                1 => issue.ParentIssueId is null,
                2 => issue.ParentIssueId is not null,
                3 => issue.ParentIssueId is null && !parentIds.Contains(issue.Id),
                4 => parentIds.Contains(issue.Id),
                _ => true,
            }
            && (attachment is null || attachment == issue.Attachments.Count > 0)
            && (string.IsNullOrEmpty(keyword) || issue.Summary.Contains(keyword, StringComparison.OrdinalIgnoreCase) || (issue.Description?.Contains(keyword, StringComparison.OrdinalIgnoreCase) ?? false))
            && Within(issue.Created, createdSince, createdUntil)
            && Within(issue.Updated, updatedSince, updatedUntil)
            && (dueSince is null && dueUntil is null || issue.DueDate is { } due && Within(due, dueSince, dueUntil))
            && (startSince is null && startUntil is null || issue.StartDate is { } start && Within(start, startSince, startUntil))
            && custom.All(matches => matches(issue)));
    }

    /// <summary>Backlog's custom field filters: <c>customField_{id}</c> (text: a case-insensitive part of the value; a
    /// list field: an item id), <c>customField_{id}[]</c> (any of these items), <c>customField_{id}_min</c> and
    /// <c>_max</c> (a number field, both included). An id no project has is refused, as Backlog does.</summary>
    private static List<Func<StoredIssue, bool>> CustomFieldFilters(SpaceState space, QueryReader query)
    {
        var filters = new List<Func<StoredIssue, bool>>();
        foreach (var name in query.Names.Where(n => n.StartsWith("customField_", StringComparison.Ordinal)))
        {
            var rest = name["customField_".Length..].Replace("[]", "", StringComparison.Ordinal);
            var bound = rest.EndsWith("_min", StringComparison.Ordinal) ? "min" : rest.EndsWith("_max", StringComparison.Ordinal) ? "max" : null;
            var idText = bound is null ? rest : rest[..^4];
            if (!int.TryParse(idText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                || space.Projects.SelectMany(p => p.CustomFields).FirstOrDefault(f => f.Id == id) is not { } field)
                throw NulabApiException.Invalid($"No custom field for '{name}'.");
            StoredCustomValue? Value(StoredIssue issue) => issue.CustomValues.GetValueOrDefault(id);
            if (bound is not null)
            {
                var limit = decimal.TryParse(query.Text(name), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? n : throw NulabApiException.Invalid($"Invalid value for '{name}': '{query.Text(name)}' is not a number.");
                filters.Add(issue => Value(issue)?.Number is { } v && (bound == "min" ? v >= limit : v <= limit));
            }
            else if (field.TypeId is 5 or 6 or 7 or 8)
            {
                var items = name.EndsWith("[]", StringComparison.Ordinal) ? query.Ints(name[..^2]) : query.Int(name) is { } one ? [one] : [];
                filters.Add(issue => Value(issue)?.Items is { } chosen && chosen.Any(items.Contains));
            }
            else
            {
                var text = query.Text(name) ?? "";
                filters.Add(issue => Value(issue)?.Text is { } v && v.Contains(text, StringComparison.OrdinalIgnoreCase));
            }
        }
        return filters;
    }

    public static IEnumerable<StoredIssue> Sort(SpaceState space, IEnumerable<StoredIssue> issues, string? sort, bool ascending)
    {
        sort ??= "created";
        if (!SortKeys.Contains(sort)) throw NulabApiException.Invalid($"Invalid value for 'sort': '{sort}'.");
        Func<StoredIssue, IComparable?> key = sort switch
        {
            "issueType" => i => i.IssueTypeId,
            "category" => i => i.CategoryIds.Count == 0 ? null : i.CategoryIds.Min(),
            "version" => i => i.VersionIds.Count == 0 ? null : i.VersionIds.Min(),
            "milestone" => i => i.MilestoneIds.Count == 0 ? null : i.MilestoneIds.Min(),
            "summary" => i => i.Summary,
            "status" => i => space.ProjectOf(i).Statuses.Find(s => s.Id == i.StatusId)?.DisplayOrder,
            "priority" => i => i.PriorityId,
            "attachment" => i => i.Attachments.Count,
            "updated" => i => i.Updated,
            "createdUser" => i => i.CreatedUserId,
            "updatedUser" => i => i.UpdatedUserId,
            "assignee" => i => i.AssigneeId,
            "startDate" => i => i.StartDate,
            "dueDate" => i => i.DueDate,
            "estimatedHours" => i => i.EstimatedHours,
            "actualHours" => i => i.ActualHours,
            "childIssue" => i => space.Issues.Count(c => c.ParentIssueId == i.Id),
            _ => i => i.Created,
        };
        var ordered = ascending ? issues.OrderBy(key, Comparer<IComparable?>.Default) : issues.OrderByDescending(key, Comparer<IComparable?>.Default);
        return ascending ? ordered.ThenBy(i => i.Id) : ordered.ThenByDescending(i => i.Id);
    }

    private static bool Within(DateTimeOffset value, DateTimeOffset? since, DateTimeOffset? until) =>
        (since is null || value >= since) && (until is null || value < until.Value.AddDays(1));
}
