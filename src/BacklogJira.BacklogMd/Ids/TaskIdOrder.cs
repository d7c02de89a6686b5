namespace BacklogJira.BacklogMd.Ids;

/// <summary>Task ids in the order people expect: by prefix, then number by number (TASK-2 before TASK-10, TASK-3
/// before TASK-3.1); text that is not an id after every id, in ordinal order.</summary>
public sealed class TaskIdOrder : IComparer<string>
{
    public static TaskIdOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var hasX = TaskId.TryParse(x, out var left) && left.Segments is not null;
        var hasY = TaskId.TryParse(y, out var right) && right.Segments is not null;
        if (!hasX || !hasY) return hasX != hasY ? (hasX ? -1 : 1) : string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
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
