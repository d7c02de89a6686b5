using BacklogJira.Sync.Engine;

namespace BacklogJira.Operations;

/// <summary>One line of the board of pairs: a task (mapped or not), its title as the task file says it, and its pair's
/// state with everything status knows (changes, conflicts, waits, the error).</summary>
public sealed record BoardRow(string TaskId, string Title, PairOutcome Pair);
