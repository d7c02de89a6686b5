namespace BacklogJira.BacklogMd.Ids;

/// <summary>Task ids in the order people expect: by prefix, then number by number (TASK-2 before TASK-10, TASK-3
/// before TASK-3.1); text that is not an id after every id, in ordinal order.</summary>
public sealed class TaskIdOrder : IComparer<string>
{
    public static TaskIdOrder Instance { get; } = new();

    public int Compare(string? x, string? y) => Compare(x, Parse(x), y, Parse(y));

    /// <summary>The items sorted by their ids, each id parsed once (a comparer parses both ids at every comparison:
    /// ten times the work on the 10,000 outcomes of a large run). Stable, as <c>OrderBy</c> is.</summary>
    public static List<T> Sort<T>(IEnumerable<T> items, Func<T, string?> idOf)
    {
        var keyed = items.Select((item, index) => (Item: item, Id: idOf(item), Parsed: Parse(idOf(item)), Index: index)).ToArray();
        Array.Sort(keyed, (a, b) => Compare(a.Id, a.Parsed, b.Id, b.Parsed) is var order && order != 0 ? order : a.Index.CompareTo(b.Index));
        return [.. keyed.Select(k => k.Item)];
    }

    private static TaskId? Parse(string? text) => TaskId.TryParse(text, out var id) && id.Segments is not null ? id : null;

    private static int Compare(string? x, TaskId? left, string? y, TaskId? right)
    {
        if (left is null || right is null) return (left is null) != (right is null) ? (left is not null ? -1 : 1) : string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        var prefix = string.Compare(left.Prefix, right.Prefix, StringComparison.OrdinalIgnoreCase);
        if (prefix != 0) return prefix;
        for (var i = 0; i < Math.Min(left.Segments!.Count, right.Segments!.Count); i++)
        {
            var segment = left.Segments[i].CompareTo(right.Segments[i]);
            if (segment != 0) return segment;
        }
        return left.Segments.Count.CompareTo(right.Segments.Count);
    }
}
