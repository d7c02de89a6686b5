using BacklogJira.Core.Merge;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Operations;

/// <summary>
/// What a push, pull or sync would do, and what it was computed from (<see cref="Basis"/>: per pair, a fingerprint of
/// the task file, the pairing and the last update). <see cref="PairOperations.ApplyAsync"/> applies exactly this
/// plan, and refuses when a fingerprint no longer matches: something changed on either side since it was made.
/// </summary>
public sealed record SyncPlan(SyncMode Mode, ConflictStrategy Strategy, IReadOnlyList<PairOutcome> Pairs, IReadOnlyDictionary<string, string> Basis)
{
    /// <summary>The pairs the plan would write to, or leave in conflict.</summary>
    public IReadOnlyList<string> TaskIds => [.. Pairs.Select(p => p.TaskId)];

    public int Writes => Pairs.Sum(p => p.Changes.Count);
}

/// <summary>A plan cannot be applied: a side changed since it was computed. Make a new plan and look at it again.</summary>
public sealed class PlanDriftException(string message) : Exception(message);

/// <summary>An operation cannot be done as asked (a task that does not exist); the message says why and what to do.</summary>
public sealed class OperationRefusedException(string message) : Exception(message);

/// <summary>An operation that writes was asked of a face that was not allowed to write (e.g. an MCP server started
/// without <c>--allow-writes</c>).</summary>
public sealed class WritesNotAllowedException(string message) : Exception(message)
{
    public static void ThrowUnless(bool canWrite, string what)
    {
        if (!canWrite) throw new WritesNotAllowedException($"This server may not {what}: it was started without writes. Start it with --allow-writes to let it write to Jira and to task files.");
    }
}
