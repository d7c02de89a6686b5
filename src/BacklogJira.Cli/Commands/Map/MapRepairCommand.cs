using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Rendering;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map repair [--apply] [--json]</c>: rebuilds a lost or damaged mapping file from the tasks' <c>jira_key</c>
/// mirrors and the issues' create-issue property; a dry run unless <c>--apply</c>.</summary>
internal static class MapRepairCommand
{
    public static Command Create(CliContext context)
    {
        var apply = new Option<bool>("--apply") { Description = "Write the pairs found (without it, only show them)" };
        var json = JsonResult.Option();
        var command = new Command("repair", "Rebuild lost or damaged pairs from the jira_key of each task and the mark create-issue leaves on each issue; shows the plan unless --apply\n\nExample: backlog-jira map repair --apply")
        {
            apply, json,
        };
        command.SetAction(async (parse, token) =>
        {
            using var session = SyncSession.Open(context);
            await using var runLock = await session.LockAsync(token);
            var repair = new MappingRepair(session.Store, session.Jira, session.Config, session.Paths, session.Clock);
            var report = await repair.PlanAsync(token);
            var applying = parse.GetValue(apply);
            if (applying) await repair.ApplyAsync(report, token);
            var added = report.Plan.Added.ToList();
            if (parse.GetValue(json))
            {
                JsonResult.Write(context, "map-repair", new JsonObject
                {
                    ["applied"] = applying,
                    ["damage"] = report.Damage,
                    ["kept"] = report.Plan.Pairs.Count(p => p.Evidence == "kept"),
                    ["pairs"] = new JsonArray([.. added.Select(p => (JsonNode)new JsonObject { ["taskId"] = p.TaskId, ["jiraKey"] = p.JiraKey, ["evidence"] = p.Evidence })]),
                    ["contradictions"] = new JsonArray([.. report.Plan.Contradictions.Select(c => (JsonNode?)c)]),
                });
            }
            else
            {
                if (report.Damage is not null)
                    context.Out.WriteLine($"The mapping file does not read: {report.Damage}" + (applying ? " It was kept beside the new one as mappings.json.damaged-<time>." : ""));
                foreach (var pair in added)
                    context.Out.WriteLine($"  {pair.TaskId,-12} {pair.JiraKey,-12} {Evidence(pair.Evidence)}");
                foreach (var contradiction in report.Plan.Contradictions) context.Out.WriteLine($"  ! {contradiction}");
                var kept = report.Plan.Pairs.Count(p => p.Evidence == "kept");
                context.Out.WriteLine(added.Count == 0
                    ? $"Nothing to repair: {kept} pair(s) in the mapping file, {report.Plan.Contradictions.Count} contradiction(s)."
                    : $"{added.Count} pair(s) {(applying ? "restored" : "to restore; run again with --apply to write them")}, {kept} kept, {report.Plan.Contradictions.Count} contradiction(s) left for you.");
            }
            return report.Plan.Contradictions.Count > 0 ? ExitCodes.ConflictsLeft : ExitCodes.Success;
        });
        return command;
    }

    private static string Evidence(string evidence) => evidence switch
    {
        "both" => "the task's jira_key and the issue's create-issue mark agree",
        "mirror" => "the task's jira_key",
        "property" => "the issue's create-issue mark (the task lost its jira_key)",
        _ => evidence,
    };
}
