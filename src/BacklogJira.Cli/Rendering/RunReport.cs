using System.Text.Json;
using BacklogJira.Cli.Json;
using BacklogJira.Core.Merge;
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

    public static int Write(CliContext context, string kind, IReadOnlyList<PairOutcome> outcomes, bool dryRun, bool json, bool listUnmapped = true)
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
        // A project with hundreds of unplanned tasks would bury its pairs: those are counted, and listed on request.
        var hidden = listUnmapped ? [] : outcomes.Where(o => o.State == PairState.Unmapped && o.Error is null).ToList();
        foreach (var outcome in outcomes.Except(hidden))
        {
            context.Out.WriteLine($"{outcome.TaskId,-10} {outcome.JiraKey ?? "",-10} {Summary(outcome, dryRun)}");
            if (dryRun)
            {
                foreach (var change in outcome.Changes)
                    context.Out.WriteLine($"    {change.Field,-20} {change.Direction,-17} {Quote(change.OldValue)} → {Quote(change.NewValue)}");
            }
            if (outcome.MovedFrom is not null) context.Out.WriteLine($"    moved {outcome.MovedFrom} → {outcome.JiraKey} (followed by its id; the mapping now holds {outcome.JiraKey})");
            foreach (var wait in outcome.Waiting) context.Out.WriteLine($"    waits: {wait.Reason}");
            foreach (var warning in outcome.Warnings) context.Out.WriteLine($"    warning: {warning}");
            if (outcome.Error is not null) context.Out.WriteLine($"    error: {outcome.Error}");
        }
        var totals = Totals(outcomes);
        context.Out.WriteLine();
        if (kind == "status")
        {
            var unmapped = totals.States.GetValueOrDefault(StateName(PairState.Unmapped));
            var pairs = totals.States.Where(s => s.Key != StateName(PairState.Unmapped)).ToList();
            context.Out.WriteLine($"Status: {pairs.Sum(s => s.Value)} pair(s)" + (pairs.Count == 0 ? "" : ": " + string.Join(", ", pairs.Select(s => $"{s.Value} {s.Key}"))) +
                (unmapped > 0 ? $"; {unmapped} task(s) not mapped to an issue" : "") + ".");
            if (hidden.Count > 0)
                context.Out.WriteLine("List the unmapped tasks with 'backlog-jira status --unmapped'; map them with 'backlog-jira map auto', 'create-issue <taskId>' or 'map link <taskId> <KEY>'.");
        }
        else
        {
            context.Out.WriteLine($"{(dryRun ? "Dry run, nothing written. " : "")}{Capitalize(kind)}: {totals.Tasks} task(s), {totals.InSync} in sync, " +
                $"{totals.Pushed} pushed, {totals.Pulled} pulled, {totals.Conflicts} conflict(s), {totals.Failed} failed.");
        }
        if (totals.Conflicts > 0 && !dryRun)
            context.Out.WriteLine("Conflicts are left as they are. Settle them with 'backlog-jira sync <taskId> --strategy prefer-backlog|prefer-jira', or edit one side to match.");
        return exit;
    }

    private static string Summary(PairOutcome outcome, bool dryRun)
    {
        if (outcome.State == PairState.Unreadable) return "unreadable";
        if (outcome.Error is not null) return "failed";
        var parts = new List<string>();
        var planned = dryRun || outcome.State is not PairState.InSync and not PairState.Conflict && outcome.Pushed.Count + outcome.Pulled.Count == 0;
        if (planned)
        {
            var toJira = outcome.Changes.Where(c => c.Direction.Contains("Jira", StringComparison.Ordinal)).Select(c => c.Field).ToList();
            var toBacklog = outcome.Changes.Where(c => c.Direction.Contains("Backlog", StringComparison.Ordinal)).Select(c => c.Field).ToList();
            if (toJira.Count > 0) parts.Add((dryRun ? "would push " : "needs push: ") + string.Join(", ", toJira));
            if (toBacklog.Count > 0) parts.Add((dryRun ? "would pull " : "needs pull: ") + string.Join(", ", toBacklog));
        }
        else
        {
            if (outcome.Pushed.Count > 0) parts.Add("pushed " + string.Join(", ", outcome.Pushed));
            if (outcome.Pulled.Count > 0) parts.Add("pulled " + string.Join(", ", outcome.Pulled));
            var leftForPush = outcome.Decisions.Where(d => d.Action == FieldAction.LeftForPush).Select(d => d.Field).ToList();
            var leftForPull = outcome.Decisions.Where(d => d.Action == FieldAction.LeftForPull).Select(d => d.Field).ToList();
            if (leftForPush.Count > 0) parts.Add("needs push: " + string.Join(", ", leftForPush));
            if (leftForPull.Count > 0) parts.Add("needs pull: " + string.Join(", ", leftForPull));
        }
        var waitToJira = outcome.Waiting.Where(w => w.Direction == FieldChange.ToJira).Select(w => w.Field).ToList();
        var waitToBacklog = outcome.Waiting.Where(w => w.Direction == FieldChange.ToBacklog).Select(w => w.Field).ToList();
        if (waitToJira.Count > 0) parts.Add("cannot push yet: " + string.Join(", ", waitToJira));
        if (waitToBacklog.Count > 0) parts.Add("cannot pull yet: " + string.Join(", ", waitToBacklog));
        if (outcome.Conflicts.Count > 0) parts.Add("conflict on " + string.Join(", ", outcome.Conflicts));
        if (parts.Count == 0) parts.Add(StateName(outcome.State).Replace('-', ' '));
        return string.Join("; ", parts);
    }

    /// <summary>The state each pair is reported in, as its line and its JSON say it.</summary>
    private static string ReportedState(PairOutcome outcome) => PairStateNames.Reported(outcome);

    private static TotalsJson Totals(IReadOnlyList<PairOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => !o.Failed && o.State == PairState.InSync && o.Pushed.Count == 0 && o.Pulled.Count == 0 && o.Conflicts.Count == 0),
        outcomes.Count(o => o.Pushed.Count > 0),
        outcomes.Count(o => o.Pulled.Count > 0),
        outcomes.Count(o => o.Conflicts.Count > 0),
        outcomes.Count(o => o.Failed),
        outcomes.GroupBy(ReportedState).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public static PairJson ToJson(PairOutcome outcome) => new(
        outcome.TaskId, outcome.JiraKey, ReportedState(outcome),
        outcome.Pushed, outcome.Pulled, outcome.Conflicts,
        [.. outcome.Changes.Select(c => new ChangeJson(c.Field, c.Direction, c.OldValue, c.NewValue))],
        outcome.Warnings, outcome.Error,
        [.. outcome.Waiting.Select(w => new WaitJson(w.Field, w.Direction, w.Reason))], outcome.MovedFrom);

    /// <summary>The state names of the original's <c>status</c> (in-sync, needs-push, …), in kebab case.</summary>
    public static string StateName(PairState state) => PairStateNames.Name(state);

    private static string Quote(string value)
    {
        var oneLine = value.Replace("\n", "\\n", StringComparison.Ordinal);
        return "\"" + (oneLine.Length > 60 ? oneLine[..57] + "..." : oneLine) + "\"";
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
