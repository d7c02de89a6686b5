using System.Text.Json;
using BacklogJira.Cli.Json;
using BacklogJira.Core.Model;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Rendering;

/// <summary>
/// The result of a run over pairs, as people read it (one line per task, the plan per field on a dry run, warnings,
/// totals) or as one JSON document; and the exit code: 1 if anything failed, else 2 if conflicts are left, else 0.
/// </summary>
internal static class RunReport
{
    public static int ExitCode(IReadOnlyList<PairOutcome> outcomes) =>
        outcomes.Any(o => o.Failed) ? ExitCodes.Failure
        : outcomes.Any(o => o.Conflicts.Count > 0 || o.State == PairState.Conflict) ? ExitCodes.ConflictsLeft
        : ExitCodes.Success;

    public static int Write(CliContext context, string kind, IReadOnlyList<PairOutcome> outcomes, bool dryRun, bool json)
    {
        var exit = ExitCode(outcomes);
        if (json)
        {
            var document = new RunJson(1, kind, dryRun, [.. outcomes.Select(ToJson)], Totals(outcomes), exit);
            context.Out.WriteLine(JsonSerializer.Serialize(document, RunJsonContext.Default.RunJson));
            return exit;
        }
        if (outcomes.Count == 0)
        {
            context.Out.WriteLine(kind == "import" ? "Nothing to import: every issue the JQL finds is already mapped." : "No mapped tasks. Map some with 'backlog-jira map link <taskId> <KEY>', 'map auto' or 'create-issue <taskId>'.");
            return exit;
        }
        foreach (var outcome in outcomes)
        {
            context.Out.WriteLine($"{outcome.TaskId,-10} {outcome.JiraKey ?? "",-10} {Summary(outcome, dryRun)}");
            if (dryRun)
            {
                foreach (var change in outcome.Changes)
                    context.Out.WriteLine($"    {FieldName(change.Field),-20} {change.Direction,-17} {Quote(change.OldValue)} → {Quote(change.NewValue)}");
            }
            foreach (var warning in outcome.Warnings) context.Out.WriteLine($"    warning: {warning}");
            if (outcome.Error is not null) context.Out.WriteLine($"    error: {outcome.Error}");
        }
        var totals = Totals(outcomes);
        context.Out.WriteLine();
        context.Out.WriteLine($"{(dryRun ? "Dry run, nothing written. " : "")}{Capitalize(kind)}: {totals.Tasks} task(s), {totals.InSync} in sync, " +
            $"{totals.Pushed} pushed, {totals.Pulled} pulled, {totals.Conflicts} conflict(s), {totals.Failed} failed.");
        if (totals.Conflicts > 0 && !dryRun)
            context.Out.WriteLine("Conflicts are left as they are. Settle them with 'backlog-jira sync <taskId> --strategy prefer-backlog|prefer-jira', or edit one side to match.");
        return exit;
    }

    private static string Summary(PairOutcome outcome, bool dryRun)
    {
        if (outcome.Error is not null) return "failed";
        var parts = new List<string>();
        if (dryRun || outcome.State is not PairState.InSync and not PairState.Conflict && outcome.Pushed.Count + outcome.Pulled.Count == 0)
        {
            var toJira = outcome.Changes.Where(c => c.Direction.Contains("Jira", StringComparison.Ordinal)).Select(c => FieldName(c.Field)).ToList();
            var toBacklog = outcome.Changes.Where(c => c.Direction.Contains("Backlog", StringComparison.Ordinal)).Select(c => FieldName(c.Field)).ToList();
            if (toJira.Count > 0) parts.Add((dryRun ? "would push " : "needs push: ") + string.Join(", ", toJira));
            if (toBacklog.Count > 0) parts.Add((dryRun ? "would pull " : "needs pull: ") + string.Join(", ", toBacklog));
        }
        else
        {
            if (outcome.Pushed.Count > 0) parts.Add("pushed " + string.Join(", ", outcome.Pushed.Select(FieldName)));
            if (outcome.Pulled.Count > 0) parts.Add("pulled " + string.Join(", ", outcome.Pulled.Select(FieldName)));
        }
        if (outcome.Conflicts.Count > 0) parts.Add("conflict on " + string.Join(", ", outcome.Conflicts.Select(FieldName)));
        if (parts.Count == 0) parts.Add(StateName(outcome.State).Replace('-', ' '));
        return string.Join("; ", parts);
    }

    private static TotalsJson Totals(IReadOnlyList<PairOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => !o.Failed && o.State == PairState.InSync && o.Pushed.Count == 0 && o.Pulled.Count == 0 && o.Conflicts.Count == 0),
        outcomes.Count(o => o.Pushed.Count > 0),
        outcomes.Count(o => o.Pulled.Count > 0),
        outcomes.Count(o => o.Conflicts.Count > 0),
        outcomes.Count(o => o.Failed));

    private static PairJson ToJson(PairOutcome outcome) => new(
        outcome.TaskId, outcome.JiraKey, outcome.Failed ? "failed" : StateName(outcome.State),
        [.. outcome.Pushed.Select(FieldName)], [.. outcome.Pulled.Select(FieldName)], [.. outcome.Conflicts.Select(FieldName)],
        [.. outcome.Changes.Select(c => new ChangeJson(FieldName(c.Field), c.Direction, c.OldValue, c.NewValue))],
        outcome.Warnings, outcome.Error);

    /// <summary>The state names of the original's <c>status</c> (in-sync, needs-push, …), in kebab case.</summary>
    public static string StateName(PairState state) => state switch
    {
        PairState.InSync => "in-sync",
        PairState.NeedsPush => "needs-push",
        PairState.NeedsPull => "needs-pull",
        PairState.NeedsBoth => "needs-push-and-pull",
        PairState.Conflict => "conflict",
        PairState.Unmapped => "unmapped",
        _ => "missing",
    };

    public static string FieldName(SyncField field) => field switch
    {
        SyncField.AcceptanceCriteria => "acceptanceCriteria",
        SyncField.ImplementationPlan => "implementationPlan",
        SyncField.ImplementationNotes => "implementationNotes",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static string Quote(string value)
    {
        var oneLine = value.Replace("\n", "\\n", StringComparison.Ordinal);
        return "\"" + (oneLine.Length > 60 ? oneLine[..57] + "..." : oneLine) + "\"";
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
