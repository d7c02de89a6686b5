using System.CommandLine;
using System.Text.Json;
using BacklogJira.Cli.Json;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map auto [--dry-run] [--min-score 0.8] [--json]</c>: pairs by a Jira key in the title or by similar titles.</summary>
internal static class MapAutoCommand
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the pairs; map nothing" };
        var minScore = new Option<double>("--min-score") { Description = "Lowest title similarity to accept, 0–1 (1 = same title)", DefaultValueFactory = _ => 0.8 };
        var json = new Option<bool>("--json") { Description = "One JSON document on stdout" };
        var command = new Command("auto", "Map unmapped tasks to unmapped issues of the project with a matching key or title\n\nExample: backlog-jira map auto --dry-run --min-score 0.9")
        {
            dryRun, minScore, json,
        };
        command.SetAction(async (parse, token) =>
        {
            var score = parse.GetValue(minScore);
            if (score is < 0 or > 1)
            {
                context.Error.WriteLine($"--min-score must be between 0 and 1, not {score}.");
                return ExitCodes.Usage;
            }
            using var session = SyncSession.Open(context);
            var isDryRun = parse.GetValue(dryRun);
            await using var runLock = isDryRun ? null : await session.LockAsync(token);
            var matches = await session.Mappings().AutoAsync(session.Jira, session.Config, score, isDryRun, token);
            if (parse.GetValue(json))
            {
                var document = new MatchListJson(1, "auto-map", isDryRun, [.. matches.Select(m => new MatchJson(m.TaskId, m.JiraKey, m.Score, m.Reason))]);
                context.Out.WriteLine(JsonSerializer.Serialize(document, RunJsonContext.Default.MatchListJson));
                return ExitCodes.Success;
            }
            foreach (var match in matches) context.Out.WriteLine($"{match.TaskId,-12} → {match.JiraKey,-10} ({match.Reason})");
            context.Out.WriteLine(matches.Count == 0 ? "No matches at or above the minimum score."
                : isDryRun ? $"{matches.Count} pair(s) found; dry run, nothing mapped." : $"✓ Mapped {matches.Count} pair(s). Run 'backlog-jira sync' to compare them.");
            return ExitCodes.Success;
        });
        return command;
    }
}
