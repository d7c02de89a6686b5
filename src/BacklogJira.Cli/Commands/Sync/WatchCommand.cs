using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.Core.Merge;
using BacklogJira.Jira.Errors;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Sync;

/// <summary>
/// <c>watch [taskId...] [--interval 60s] [--strategy S] [--stop-on-error] [--json]</c>: a sync per cycle. Each cycle is
/// incremental on both sides: Jira is asked only for issues updated since the previous read (epoch-millisecond JQL,
/// so no time-zone trap, with the engine's overlap window), and Backlog tasks are compared with their snapshots, so only
/// what changed is written. One Jira client (and MCP server) serves every cycle. Ctrl-C lets the running cycle finish
/// its writes, then stops with exit 0.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("taskId") { Description = "Task ids to watch; none means every mapped task", Arity = ArgumentArity.ZeroOrMore };
        var interval = new Option<string?>("--interval") { Description = "Time between cycles: 90s, 5m, 1h (default: sync.watchInterval in config.json, else 60s)" };
        var strategy = new Option<string?>("--strategy") { Description = "prefer-backlog, prefer-jira or manual (prompt cannot wait in a loop; it acts as manual); default from config" };
        strategy.AcceptOnlyFromAmong("prefer-backlog", "prefer-jira", "prompt", "manual");
        var stopOnError = new Option<bool>("--stop-on-error") { Description = "Exit 1 at the first failed task or failed cycle instead of retrying" };
        var json = new Option<bool>("--json") { Description = "One JSON line per cycle, and a summary line at the end" };
        var command = new Command("watch", "Sync every interval until Ctrl-C, incrementally on both sides, with a heartbeat line per cycle\n\nExample: backlog-jira watch --interval 5m --strategy prefer-jira")
        {
            ids, interval, strategy, stopOnError, json,
        };
        command.SetAction(async (parse, token) =>
        {
            TimeSpan? every = null;
            if (parse.GetValue(interval) is { } text && (every = WatchTiming.ParseInterval(text)) is null)
            {
                await context.Error.WriteLineAsync($"Invalid interval '{text}': use 90s, 5m or 1h (at least 1s).");
                return ExitCodes.Usage;
            }
            return await RunAsync(context, parse.GetValue(ids) ?? [], every, parse.GetValue(strategy), parse.GetValue(stopOnError), parse.GetValue(json), token);
        });
        return command;
    }

    /// <summary>The session's totals: pushes and pulls add up; conflicts and failures count pairs, each once however
    /// many cycles it stood; failed cycles (Jira unreachable, a busy lock) are counted apart.</summary>
    private sealed class Totals
    {
        public int Cycles;
        public int Pushed;
        public int Pulled;
        public int FailedCycles;
        public HashSet<string> ConflictPairs { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> FailedPairs { get; } = new(StringComparer.OrdinalIgnoreCase);
        public int Conflicts => ConflictPairs.Count;
        public int Failed => FailedPairs.Count;
    }

    private static async Task<int> RunAsync(CliContext context, string[] ids, TimeSpan? every, string? strategyText, bool stopOnError, bool json, CancellationToken stop)
    {
        using var session = SyncSession.Open(context);
        var interval = every ?? session.Config.WatchInterval;
        var strategy = strategyText is null ? session.Config.Strategy : SyncConfig.TryParseStrategy(strategyText)!.Value;
        if (strategy == ConflictStrategy.Prompt)
        {
            await context.Error.WriteLineAsync("watch cannot stop for prompts: conflicts are left unresolved (manual). Pass --strategy prefer-backlog|prefer-jira to settle them.");
            strategy = ConflictStrategy.Manual;
        }
        if (!json) await context.Out.WriteLineAsync($"Watching {(ids.Length == 0 ? "every mapped task" : string.Join(", ", ids))} every {Describe(interval)} ({SyncConfig.StrategyName(strategy)}); Ctrl-C stops.");
        var totals = new Totals();
        var standing = new StandingReports();
        var failuresInRow = 0;
        while (!stop.IsCancellationRequested)
        {
            if (context.OutputClosed()) return Finish(context, json, totals, ExitCodes.Success, "stopped: nobody reads its output any more");
            totals.Cycles++;
            var watch = Stopwatch.StartNew();
            TimeSpan wait;
            try
            {
                // Not cancelled by Ctrl-C: a cycle that started finishes its writes.
                await using (await session.LockAsync(CancellationToken.None))
                {
                    var outcomes = await session.Engine().RunAsync(new SyncRequest { Mode = SyncMode.Sync, TaskIds = ids, Strategy = strategy, Standing = standing }, CancellationToken.None);
                    Heartbeat(context, json, totals, outcomes, session.Clock.GetUtcNow(), watch.Elapsed);
                    failuresInRow = 0;
                    if (stopOnError && outcomes.Any(o => o.Failed)) return Finish(context, json, totals, ExitCodes.Failure, "stopped at a failed task (--stop-on-error)");
                }
                wait = interval - watch.Elapsed;
            }
            catch (Exception error) when (error is JiraException or LockBusyException or IOException)
            {
                failuresInRow++;
                totals.FailedCycles++;
                wait = WatchTiming.Backoff(failuresInRow, interval, error is JiraRateLimitedException);
                if (json) await context.Out.WriteLineAsync(new JsonObject { ["schemaVersion"] = 1, ["kind"] = "watch-error", ["cycle"] = totals.Cycles, ["error"] = error.Message, ["retryInSeconds"] = Math.Round(wait.TotalSeconds) }.ToJsonString());
                else await context.Out.WriteLineAsync($"[{Clock(session.Clock.GetUtcNow())}] cycle {totals.Cycles} failed: {error.Message} Next try in {Describe(wait)}.");
                if (stopOnError) return Finish(context, json, totals, ExitCodes.Failure, "stopped at a failed cycle (--stop-on-error)");
            }
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, session.Clock, stop); }
                catch (OperationCanceledException) { break; }
            }
        }
        return Finish(context, json, totals, ExitCodes.Success, "stopped");
    }

    private static void Heartbeat(CliContext context, bool json, Totals totals, IReadOnlyList<PairOutcome> outcomes, DateTimeOffset now, TimeSpan took)
    {
        var changed = outcomes.Where(o => o.Changed).ToList();
        var pushed = outcomes.Count(o => o.Pushed.Count > 0);
        var pulled = outcomes.Count(o => o.Pulled.Count > 0);
        var conflicts = outcomes.Count(o => o.Conflicts.Count > 0);
        var failed = outcomes.Count(o => o.Failed);
        totals.Pushed += pushed;
        totals.Pulled += pulled;
        totals.ConflictPairs.UnionWith(outcomes.Where(o => o.Conflicts.Count > 0).Select(o => o.TaskId));
        totals.FailedPairs.UnionWith(outcomes.Where(o => o.Failed).Select(o => o.TaskId));
        if (json)
        {
            context.Out.WriteLine(new JsonObject
            {
                ["schemaVersion"] = 1, ["kind"] = "watch-cycle", ["cycle"] = totals.Cycles, ["at"] = now.ToString("O", CultureInfo.InvariantCulture),
                ["pairs"] = outcomes.Count, ["pushed"] = pushed, ["pulled"] = pulled, ["conflicts"] = conflicts, ["failed"] = failed, ["durationMs"] = Math.Round(took.TotalMilliseconds),
                ["changes"] = new JsonArray([.. changed.Select(o => (JsonNode)new JsonObject
                {
                    ["taskId"] = o.TaskId, ["jiraKey"] = o.JiraKey,
                    ["pushed"] = new JsonArray([.. o.Pushed.Select(f => (JsonNode?)f)]),
                    ["pulled"] = new JsonArray([.. o.Pulled.Select(f => (JsonNode?)f)]),
                    ["conflicts"] = new JsonArray([.. o.Conflicts.Select(f => (JsonNode?)f)]),
                    ["error"] = o.Error,
                })]),
            }.ToJsonString());
            return;
        }
        context.Out.WriteLine($"[{Clock(now)}] cycle {totals.Cycles}: {outcomes.Count} pair(s), pushed {pushed}, pulled {pulled}, conflicts {conflicts}, failed {failed} ({took.TotalMilliseconds:0} ms)");
        foreach (var outcome in changed) context.Out.WriteLine("  " + outcome.ChangeLine());
    }

    private static int Finish(CliContext context, bool json, Totals totals, int exitCode, string how)
    {
        if (json)
            context.Out.WriteLine(new JsonObject { ["schemaVersion"] = 1, ["kind"] = "watch-summary", ["cycles"] = totals.Cycles, ["pushed"] = totals.Pushed, ["pulled"] = totals.Pulled, ["conflicts"] = totals.Conflicts, ["failed"] = totals.Failed, ["failedCycles"] = totals.FailedCycles, ["exitCode"] = exitCode }.ToJsonString());
        else
            context.Out.WriteLine($"Watch {how} after {totals.Cycles} cycle(s): pushed {totals.Pushed}, pulled {totals.Pulled}, " +
                $"{totals.Conflicts} pair(s) in conflict, {totals.Failed} pair(s) failed, {totals.FailedCycles} cycle(s) failed.");
        return exitCode;
    }

    private static string Clock(DateTimeOffset now) => now.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0 ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0}m"
        : $"{Math.Max(0, span.TotalSeconds):0}s";
}
