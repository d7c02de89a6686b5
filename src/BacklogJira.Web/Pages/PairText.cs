using BacklogJira.Sync.Engine;

namespace BacklogJira.Web.Pages;

/// <summary>How a pair's state and its pending work read on the pages.</summary>
internal static class PairText
{
    /// <summary>As a run reports it, except that a task not paired yet reads "unmapped" on the board, not "failed".</summary>
    public static string State(PairOutcome pair) => pair.State == PairState.Unmapped ? PairStateNames.Name(pair.State) : PairStateNames.Reported(pair);

    /// <summary>What a pair needs, in a few words: the planned changes, conflicts, waits, or the error.</summary>
    public static string Summary(PairOutcome pair)
    {
        var parts = new List<string>();
        var push = pair.Changes.Where(c => c.Direction == FieldChange.ToJira).Select(c => c.Field).ToList();
        var pull = pair.Changes.Where(c => c.Direction == FieldChange.ToBacklog).Select(c => c.Field).ToList();
        if (push.Count > 0) parts.Add("push " + string.Join(", ", push));
        if (pull.Count > 0) parts.Add("pull " + string.Join(", ", pull));
        if (pair.Conflicts.Count > 0) parts.Add("conflict on " + string.Join(", ", pair.Conflicts));
        foreach (var wait in pair.Waiting) parts.Add($"{wait.Field} waits: {wait.Reason}");
        if (pair.Error is { } error && pair.State != PairState.Unmapped) parts.Add(error);
        return string.Join("; ", parts);
    }
}
