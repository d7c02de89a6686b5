using System.CommandLine;
using System.Globalization;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map interactive</c> (alias <c>i</c>): for each unmapped task, the closest unmapped issues to pick from, a
/// custom JQL search, or skip. Terminal only.</summary>
internal static class MapInteractiveCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("interactive", "Go through the unmapped tasks and pick each one's issue from the closest matches\n\nExample: backlog-jira map interactive");
        command.Aliases.Add("i");
        command.SetAction(async (parse, token) =>
        {
            if (!context.IsInteractive)
            {
                context.Error.WriteLine("map interactive needs a terminal. Use 'backlog-jira map auto' or 'backlog-jira map link <taskId> <KEY>' in scripts.");
                return ExitCodes.Usage;
            }
            using var session = SyncSession.Open(context);
            var service = session.Mappings();
            var candidates = await service.CandidatesAsync(session.Jira, session.Config, 5, token);
            if (candidates.Count == 0)
            {
                context.Out.WriteLine("✓ Every task is already mapped.");
                return ExitCodes.Success;
            }
            await using var runLock = await session.LockAsync(token);
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var linked = 0;
            foreach (var (taskId, title, matches) in candidates)
            {
                var offered = matches.Where(m => !taken.Contains(m.Issue.Key)).Select(m => m.Issue).ToList();
                context.Out.WriteLine();
                context.Out.WriteLine($"{taskId}: {title}");
                var chosen = await ChooseAsync(context, session.Jira, offered, token);
                if (chosen is null) continue;
                if (chosen == Quit) break;
                var mapping = await service.LinkAsync(session.Jira, taskId, chosen, force: false, token);
                taken.Add(mapping.JiraKey);
                linked++;
                context.Out.WriteLine($"  ✓ Mapped {mapping.TaskId} → {mapping.JiraKey}");
            }
            context.Out.WriteLine();
            context.Out.WriteLine($"✓ Interactive mapping complete: {linked} pair(s) mapped. Run 'backlog-jira sync' to compare them.");
            return ExitCodes.Success;
        });
        return command;
    }

    private const string Quit = "\u0000quit";

    /// <summary>The issue key picked, null to skip the task, <see cref="Quit"/> to stop.</summary>
    private static async Task<string?> ChooseAsync(CliContext context, IJiraClient jira, List<JiraIssue> offered, CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = 0; i < offered.Count; i++)
                context.Out.WriteLine($"  [{i + 1}] {offered[i].Key,-10} {offered[i].Status.Name,-12} {offered[i].Summary}");
            if (offered.Count == 0) context.Out.WriteLine("  No similar issue.");
            context.Out.Write("  Number, [s]earch with JQL, Enter to skip, [q]uit: ");
            var answer = context.In.ReadLine()?.Trim();
            if (answer is null || answer.Equals("q", StringComparison.OrdinalIgnoreCase)) return Quit;
            if (answer.Length == 0) return null;
            if (answer.Equals("s", StringComparison.OrdinalIgnoreCase))
            {
                context.Out.Write("  JQL: ");
                var jql = context.In.ReadLine()?.Trim();
                if (string.IsNullOrEmpty(jql)) continue;
                try { offered = [.. (await jira.SearchAsync(jql, cancellationToken)).Take(10)]; }
                catch (BacklogJira.Jira.Errors.JiraException error) { context.Out.WriteLine($"  {error.Message}"); }
                continue;
            }
            if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= offered.Count)
                return offered[number - 1].Key;
            context.Out.WriteLine($"  '{answer}' is not one of the choices.");
        }
    }
}
