using System.CommandLine;
using BacklogJira.Cli.Rendering;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary>The options push, pull and sync share, and the run they make of them.</summary>
internal sealed class PairRun
{
    public Argument<string[]> TaskIds { get; } = new("taskId") { Description = "Task ids (TASK-12, task-12 or 12); none means every mapped task", Arity = ArgumentArity.ZeroOrMore };
    public Option<bool> All { get; } = new("--all") { Description = "Every mapped task (the default when no id is given)" };
    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the plan per task and field; write nothing anywhere" };
    public Option<bool> Json { get; } = new("--json") { Description = "One JSON document on stdout" };
    public Option<int> Parallel { get; } = new("--parallel") { Description = "Tasks processed at once", DefaultValueFactory = _ => 8 };
    public Option<bool> Full { get; } = new("--full") { Description = "Read every mapped issue from Jira, not only those updated since the last run" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(TaskIds);
        command.Options.Add(All);
        command.Options.Add(DryRun);
        command.Options.Add(Json);
        command.Options.Add(Parallel);
        command.Options.Add(Full);
    }

    public async Task<int> RunAsync(CliContext context, ParseResult parse, SyncMode mode, bool force, string? strategyText, CancellationToken cancellationToken, bool listUnmapped = true)
    {
        var ids = parse.GetValue(TaskIds) ?? [];
        if (ids.Length > 0 && parse.GetValue(All))
        {
            context.Error.WriteLine("Give task ids or --all, not both.");
            return ExitCodes.Usage;
        }
        ConflictStrategy? strategy = null;
        if (strategyText is not null)
        {
            strategy = SyncConfig.TryParseStrategy(strategyText);
            if (strategy is null)
            {
                context.Error.WriteLine($"Unknown strategy '{strategyText}'; use prefer-backlog, prefer-jira, prompt or manual.");
                return ExitCodes.Usage;
            }
        }
        var dryRun = parse.GetValue(DryRun) || mode == SyncMode.Status;
        using var session = SyncSession.Open(context);
        var effective = strategy ?? session.Config.Strategy;
        using var progress = ProgressLine.For(context, parse.GetValue(Json));
        var request = new SyncRequest
        {
            Progress = progress,
            Mode = mode,
            TaskIds = ids,
            DryRun = dryRun,
            Force = force,
            Strategy = strategy,
            Prompt = context.IsInteractive && !dryRun ? ConflictPrompt.For(context) : null,
            MaxParallel = Math.Max(1, parse.GetValue(Parallel)),
            FullRead = parse.GetValue(Full),
            Timings = new SyncTimings(),
        };
        await using var runLock = dryRun ? null : await session.LockAsync(cancellationToken);
        var outcomes = await session.Engine().RunAsync(request, cancellationToken);
        // Said only when it mattered: a run with no conflict had nothing to ask.
        if (effective == ConflictStrategy.Prompt && !context.IsInteractive && mode == SyncMode.Sync && !dryRun && outcomes.Any(o => o.Conflicts.Count > 0))
            context.Error.WriteLine("Strategy 'prompt' needs a terminal; conflicts are left unresolved. Pass --strategy prefer-backlog|prefer-jira to settle them.");
        Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(context.Logger, "{Mode} phases: {Timings}", mode, request.Timings);
        return RunReport.Write(context, mode.ToString().ToLowerInvariant(), outcomes, parse.GetValue(DryRun), parse.GetValue(Json), listUnmapped);
    }
}
