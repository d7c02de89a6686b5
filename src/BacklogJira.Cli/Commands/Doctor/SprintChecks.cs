using System.Diagnostics;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>
/// Milestones as sprints (config <c>jira.milestoneAs</c> "sprint", docs/sync.md "Milestones"): the site has Jira
/// Software's Sprint field, the project has a scrum board (or <c>jira.sprintBoardId</c> names one), and which sprints a
/// milestone can name now.
/// </summary>
internal static class SprintChecks
{
    private const string Name = "sprints";

    public static async Task<CheckResult> RunAsync(IJiraClient jira, SyncConfig config, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (!jira.ReadsSprints)
            return CheckResult.Fail(Name, "jira.milestoneAs is \"sprint\" but the MCP transport carries no sprint ids", "Set jira.transport to \"rest\", or jira.milestoneAs to \"fixVersion\".", watch.Elapsed);
        try
        {
            var fields = await jira.GetFieldsAsync(cancellationToken);
            if (!fields.Any(f => f.CustomType == "com.pyxis.greenhopper.jira:gh-sprint"))
                return CheckResult.Fail(Name, "this Jira has no Sprint field (Jira Software is not installed or the field is hidden)",
                    "Set jira.milestoneAs to \"fixVersion\" in .backlog-jira/config.json, or install Jira Software.", watch.Elapsed);
            var open = await jira.GetOpenSprintsAsync(config.ProjectKey, true, cancellationToken);
            var names = open.Count == 0 ? "none yet (plan one in Jira)" : string.Join(", ", open.Select(s => $"\"{s.Name}\" ({s.State})"));
            return CheckResult.Ok(Name, $"milestones name the sprints of {(config.SprintBoardId is { } board ? $"board {board}" : $"{config.ProjectKey}'s scrum board")}; open now: {names}", watch.Elapsed);
        }
        catch (JiraException error)
        {
            return CheckResult.Fail(Name, error.Message, "Set jira.sprintBoardId in .backlog-jira/config.json to the board's number (rapidView=N or boards/N in its address).", watch.Elapsed);
        }
    }
}
