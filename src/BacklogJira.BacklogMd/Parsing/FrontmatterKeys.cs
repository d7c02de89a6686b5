namespace BacklogJira.BacklogMd.Parsing;

/// <summary>The frontmatter keys Backlog.md 1.52 owns, in the order its serializer writes them (docs/reference/backlog-md.md §2.2).</summary>
public static class FrontmatterKeys
{
    public static readonly IReadOnlyList<string> CanonicalOrder =
    [
        "id", "title", "status", "assignee", "reporter", "created_date", "updated_date", "due_date", "labels", "milestone",
        "dependencies", "references", "documentation", "modified_files", "parent_task_id", "subtasks", "priority", "type",
        "project", "ordinal", "onStatusChange",
    ];

    private static readonly Dictionary<string, int> Ranks =
        CanonicalOrder.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);

    public static bool IsKnown(string key) => Ranks.ContainsKey(key);

    /// <summary>Position in <see cref="CanonicalOrder"/>, or -1 for a key Backlog.md does not own.</summary>
    public static int Rank(string key) => Ranks.TryGetValue(key, out var rank) ? rank : -1;
}
