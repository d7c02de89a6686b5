namespace BacklogJira.Core.Mapping;

/// <summary>
/// The Backlog status for a Jira status nothing maps, by its status category (docs/sync.md, "Status"): Jira puts every
/// status in one of three categories (<c>new</c>, <c>indeterminate</c>, <c>done</c>). Config
/// <c>backlog.statusCategories</c> names the Backlog status for each; by default the project's first status is
/// <c>new</c>, its last is <c>done</c>, and its second (of three or more) is <c>indeterminate</c>.
/// </summary>
public static class StatusCategoryFallback
{
    public static string? ToBacklog(string categoryKey, IReadOnlyDictionary<string, string> configured, IReadOnlyList<string> backlogStatuses)
    {
        var set = configured.FirstOrDefault(p => string.Equals(p.Key, categoryKey, StringComparison.OrdinalIgnoreCase)).Value;
        if (set is not null) return set;
        if (backlogStatuses.Count == 0) return null;
        return categoryKey switch
        {
            "new" => backlogStatuses[0],
            "done" => backlogStatuses[^1],
            "indeterminate" => backlogStatuses.Count >= 3 ? backlogStatuses[1] : null,
            _ => null,
        };
    }

    public static string CategoryName(string categoryKey) => categoryKey switch
    {
        "new" => "To Do",
        "indeterminate" => "In Progress",
        "done" => "Done",
        _ => categoryKey,
    };
}
