using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Operations;

/// <summary>
/// The operations on pairs (docs/agents.md): what every pair needs, one pair side by side, a plan and its exact
/// application, push, pull and sync, and settling a conflict field by field. Reads never take the run lock; every write
/// does, so they queue behind serve, watch and the CLI. <paramref name="canWrite"/> is the face's permission.
/// </summary>
public sealed class PairOperations(Workspace workspace, bool canWrite)
{
    /// <summary>Every mapped pair (or <paramref name="taskIds"/>): its state, what would be written and what waits.</summary>
    public Task<IReadOnlyList<PairOutcome>> StatusAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken) =>
        workspace.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Status, DryRun = true, TaskIds = taskIds }, cancellationToken);

    /// <summary>Every task of tasks/ and completed/ with its pair's state (unmapped ones too), titled, in id order.</summary>
    public async Task<IReadOnlyList<BoardRow>> BoardAsync(CancellationToken cancellationToken)
    {
        var outcomes = await StatusAsync([], cancellationToken);
        var titles = Titles();
        return [.. outcomes.Select(o => new BoardRow(o.TaskId, titles.GetValueOrDefault(o.TaskId) ?? "", o))];
    }

    /// <summary>The title of every task of tasks/ and completed/ by id, read from the files only (no Jira call).</summary>
    public IReadOnlyDictionary<string, string> Titles()
    {
        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in workspace.Store.LoadAll(includeDrafts: false, includeArchived: false).Tasks) titles.TryAdd(task.Id.Normalized(workspace.Store.Project.Config.TaskPrefix), task.Title);
        return titles;
    }

    /// <summary>Whether <paramref name="taskId"/> is paired with an issue, from the mapping file only.</summary>
    public bool IsPaired(string taskId) =>
        workspace.Mappings().List().Any(m => string.Equals(m.TaskId, workspace.TaskId(taskId), StringComparison.OrdinalIgnoreCase));

    /// <summary>One pair, every field as each side holds it and what the merge makes of it.</summary>
    public async Task<PairOutcome> ViewAsync(string taskId, CancellationToken cancellationToken)
    {
        var outcome = (await StatusAsync([workspace.TaskId(taskId)], cancellationToken)).Single();
        return outcome is { Error: { } error, JiraKey: null } ? throw new OperationRefusedException(error) : outcome;
    }

    /// <summary>The last <paramref name="count"/> operations of the ops log (of one task when <paramref name="taskId"/> is
    /// given), oldest first, each as the log recorded it; a line that is not JSON is kept as text.</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonNode> History(string? taskId, int count)
    {
        var lines = new Sync.State.OpsLog(workspace.Paths, workspace.Clock).Tail(count, taskId is null ? null : workspace.TaskId(taskId));
        return [.. lines.Select(line =>
        {
            try { return System.Text.Json.Nodes.JsonNode.Parse(line) ?? new System.Text.Json.Nodes.JsonObject { ["unreadable"] = line }; }
            catch (System.Text.Json.JsonException) { return new System.Text.Json.Nodes.JsonObject { ["unreadable"] = line }; }
        })];
    }

    /// <summary>What <paramref name="mode"/> would do to <paramref name="taskIds"/> (every mapped pair when empty), with
    /// the fingerprints it was computed from. Conflicts are settled by <paramref name="strategy"/> in the plan
    /// (manual when none: they stay conflicts).</summary>
    public async Task<SyncPlan> PlanAsync(SyncMode mode, IReadOnlyList<string> taskIds, ConflictStrategy? strategy, CancellationToken cancellationToken)
    {
        var settle = strategy ?? ConflictStrategy.Manual;
        var outcomes = await workspace.Engine().RunAsync(new SyncRequest { Mode = mode, DryRun = true, TaskIds = taskIds, Strategy = settle }, cancellationToken);
        var basis = await PlanBasis.ComputeAsync(workspace, [.. outcomes.Select(o => o.TaskId)], cancellationToken);
        return new SyncPlan(mode, settle, outcomes, basis);
    }

    /// <summary>Applies a plan exactly, given its mode, strategy and <paramref name="basis"/> (as a face received it back
    /// from its user): under the run lock the fingerprints are taken again, and any that differs refuses the whole plan
    /// with what changed. Returns what was done.</summary>
    public async Task<IReadOnlyList<PairOutcome>> ApplyAsync(SyncMode mode, ConflictStrategy strategy, IReadOnlyDictionary<string, string> basis, CancellationToken cancellationToken)
    {
        RequireWrites("apply a plan");
        if (basis.Count == 0) return [];
        await using var held = await workspace.LockAsync(cancellationToken);
        var now = await PlanBasis.ComputeAsync(workspace, [.. basis.Keys], cancellationToken);
        var changed = basis.Where(b => !now.TryGetValue(b.Key, out var current) || current != b.Value).Select(b => b.Key).ToList();
        if (changed.Count > 0)
            throw new PlanDriftException($"{string.Join(", ", changed)} changed since the plan was made (in the task file, in Jira, or in its pairing); make a new plan, look at it, and apply that one.");
        return await workspace.Engine().RunAsync(new SyncRequest { Mode = mode, TaskIds = [.. basis.Keys], Strategy = strategy }, cancellationToken);
    }

    /// <summary>Push, pull or sync now, without a plan first.</summary>
    public async Task<IReadOnlyList<PairOutcome>> RunAsync(SyncMode mode, IReadOnlyList<string> taskIds, ConflictStrategy? strategy, CancellationToken cancellationToken)
    {
        RequireWrites(mode.ToString().ToLowerInvariant());
        await using var held = await workspace.LockAsync(cancellationToken);
        return await workspace.Engine().RunAsync(new SyncRequest { Mode = mode, TaskIds = taskIds, Strategy = strategy ?? ConflictStrategy.Manual }, cancellationToken);
    }

    /// <summary>Settles the conflicts of one pair field by field: each named field takes the chosen side's value
    /// (<see cref="ConflictChoice.Backlog"/> or <see cref="ConflictChoice.Jira"/>); every other conflict stays, and every
    /// change without a conflict is made as sync makes it.</summary>
    public async Task<PairOutcome> ResolveAsync(string taskId, IReadOnlyDictionary<string, ConflictChoice> choices, CancellationToken cancellationToken)
    {
        RequireWrites("settle a conflict");
        var id = workspace.TaskId(taskId);
        await using var held = await workspace.LockAsync(cancellationToken);
        return await ResolveLockedAsync(id, choices, cancellationToken);
    }

    /// <summary>The text fields a conflict of which can be settled with a value written by hand.</summary>
    public static IReadOnlySet<string> EditableFields => Editable;

    private static readonly HashSet<string> Editable = new(["title", "description", "implementationPlan", "implementationNotes", "finalSummary"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Settles one text field's conflict with <paramref name="text"/>, written by the user (typically a merge of
    /// both sides): the task takes it, then the field is settled with Backlog's value, so Jira takes it too. Refused when
    /// the field is not in conflict any more (someone settled it meanwhile) or is not a text field.</summary>
    public async Task<PairOutcome> SettleWithTextAsync(string taskId, string field, string text, CancellationToken cancellationToken)
    {
        RequireWrites("settle a conflict");
        if (!Editable.TryGetValue(field, out var name)) throw new OperationRefusedException($"{field} cannot be written by hand here; take one side's value instead.");
        var value = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (name == "title" && value.Length == 0) throw new OperationRefusedException("A task needs a title: write one.");
        var id = workspace.TaskId(taskId);
        await using var held = await workspace.LockAsync(cancellationToken);
        var now = (await StatusAsync([id], cancellationToken)).Single();
        if (!now.Conflicts.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new OperationRefusedException($"{name} of {id} is not in conflict any more (it changed or was settled since); look at the pair again.");
        var edit = name switch
        {
            "title" => new TaskEdit { Title = value },
            "description" => new TaskEdit { Description = value },
            "implementationPlan" => new TaskEdit { ImplementationPlan = value },
            "implementationNotes" => new TaskEdit { ImplementationNotes = value },
            _ => new TaskEdit { FinalSummary = value },
        };
        await workspace.Store.UpdateAsync(id, _ => edit, cancellationToken);
        return await ResolveLockedAsync(id, new Dictionary<string, ConflictChoice>(StringComparer.OrdinalIgnoreCase) { [name] = ConflictChoice.Backlog }, cancellationToken);
    }

    private async Task<PairOutcome> ResolveLockedAsync(string id, IReadOnlyDictionary<string, ConflictChoice> choices, CancellationToken cancellationToken)
    {
        var request = new SyncRequest
        {
            Mode = SyncMode.Sync,
            TaskIds = [id],
            Strategy = ConflictStrategy.Prompt,
            Prompt = conflict => choices.TryGetValue(conflict.Field.Name, out var choice) ? choice : ConflictChoice.LeaveUnresolved,
        };
        return (await workspace.Engine().RunAsync(request, cancellationToken)).Single();
    }

    private void RequireWrites(string what) => WritesNotAllowedException.ThrowUnless(canWrite, what);
}
