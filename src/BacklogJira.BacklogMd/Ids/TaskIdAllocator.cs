using System.Globalization;
using System.Numerics;

namespace BacklogJira.BacklogMd.Ids;

/// <summary>The CLI's id allocation (docs/reference/backlog-md.md §1.5), pure: given the occupied ids, the next top-level or child id.</summary>
public static class TaskIdAllocator
{
    public static string NextTopLevel(IEnumerable<TaskId> occupied, string prefix, int? zeroPadding)
    {
        ArgumentNullException.ThrowIfNull(occupied);
        ArgumentNullException.ThrowIfNull(prefix);
        var max = occupied
            .Where(id => id.Prefix is not null && string.Equals(id.Prefix, prefix, StringComparison.OrdinalIgnoreCase))
            .Where(id => id.Segments is { Count: 1 })
            .Select(id => id.Segments![0])
            .DefaultIfEmpty(BigInteger.Zero)
            .Max();
        var number = (max + 1).ToString(CultureInfo.InvariantCulture);
        return $"{prefix.ToUpperInvariant()}-{(zeroPadding is > 0 and var pad ? number.PadLeft(pad, '0') : number)}";
    }

    /// <summary>Next child of <paramref name="parent"/>, spelled from the parent's stored id; padded to 2 digits when padding is on.</summary>
    public static string NextChild(IEnumerable<TaskId> occupied, TaskId parent, int? zeroPadding)
    {
        ArgumentNullException.ThrowIfNull(occupied);
        ArgumentNullException.ThrowIfNull(parent);
        var parentSegments = parent.Segments ?? throw new ArgumentException($"{parent} has no numeric body, so it cannot have subtasks.", nameof(parent));
        var max = occupied
            .Where(id => id.Segments is { } s && s.Count == parentSegments.Count + 1 && s.Take(parentSegments.Count).SequenceEqual(parentSegments))
            .Where(id => id.Prefix is null || parent.Prefix is null || string.Equals(id.Prefix, parent.Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(id => id.Segments![^1])
            .DefaultIfEmpty(BigInteger.Zero)
            .Max();
        var number = (max + 1).ToString(CultureInfo.InvariantCulture);
        return $"{(parent.Prefix ?? "task").ToUpperInvariant()}-{parent.Body}.{(zeroPadding is > 0 ? number.PadLeft(2, '0') : number)}";
    }
}
