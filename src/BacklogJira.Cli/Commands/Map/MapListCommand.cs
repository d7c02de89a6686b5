using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BacklogJira.Cli.Json;

namespace BacklogJira.Cli.Commands.Map;

/// <summary><c>map list [--json]</c>: the pairs in <c>.backlog-jira/mappings.json</c>.</summary>
internal static class MapListCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document on stdout" };
        var command = new Command("list", "List the task ⇄ issue pairs\n\nExample: backlog-jira map list --json") { json };
        command.SetAction(parse =>
        {
            using var session = SyncSession.Open(context);
            var mappings = session.Mappings().List().OrderBy(m => m.TaskId, BacklogJira.BacklogMd.Ids.TaskIdOrder.Instance).ToList();
            if (parse.GetValue(json))
            {
                var document = new MappingListJson(1, "mappings", [.. mappings.Select(m => new MappingJson(m.TaskId, m.JiraKey, m.JiraId,
                    m.MappedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)))]);
                context.Out.WriteLine(JsonSerializer.Serialize(document, RunJsonContext.Default.MappingListJson));
                return ExitCodes.Success;
            }
            if (mappings.Count == 0) context.Out.WriteLine("No mappings yet. Use 'backlog-jira map link <taskId> <KEY>', 'map auto' or 'create-issue <taskId>'.");
            foreach (var mapping in mappings) context.Out.WriteLine($"{mapping.TaskId,-12} {mapping.JiraKey}");
            return ExitCodes.Success;
        });
        return command;
    }
}
