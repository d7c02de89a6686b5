using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Rendering;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Commands.MapAssignees;

/// <summary><c>map-assignees show|add|remove</c>: Backlog <c>@handle</c> ⇄ Jira user, in config.json.</summary>
internal static class MapAssigneesCommand
{
    public static Command Create(CliContext context)
    {
        var showJson = JsonResult.Option();
        var show = new Command("show", "List the Backlog assignee → Jira user mappings\n\nExample: backlog-jira map-assignees show") { showJson };
        show.Aliases.Add("list");
        show.SetAction(parse =>
        {
            using var session = SyncSession.Open(context);
            var mappings = session.Config.Assignees.HandleToJira;
            if (parse.GetValue(showJson))
            {
                JsonResult.Write(context, "assignee-mappings", new JsonObject
                {
                    ["mappings"] = new JsonArray([.. mappings.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                        .Select(p => (JsonNode?)new JsonObject { ["backlog"] = "@" + p.Key.TrimStart('@'), ["jira"] = p.Value })]),
                });
                return ExitCodes.Success;
            }
            if (mappings.Count == 0) context.Out.WriteLine("No assignee mappings. Add one with: backlog-jira map-assignees add @alice <accountId, email or user name>");
            foreach (var (handle, jiraId) in mappings.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
                context.Out.WriteLine($"  @{handle.TrimStart('@')} → {jiraId}");
            return ExitCodes.Success;
        });

        var handle = new Argument<string>("backlog-user") { Description = "The Backlog assignee, e.g. @alice" };
        var jiraUser = new Argument<string>("jira-user") { Description = "accountId (Cloud), user name (Data Center), email or display name" };
        var force = new Option<bool>("--force") { Description = "Replace an existing mapping" };
        var offline = new Option<bool>("--no-check") { Description = "Store the Jira user as given, without looking it up" };
        var addJson = JsonResult.Option();
        var add = new Command("add", "Map a Backlog assignee to a Jira user (looked up and stored by its stable id)\n\nExample: backlog-jira map-assignees add @alice alice@example.com")
        {
            handle, jiraUser, force, offline, addJson,
        };
        add.SetAction(async (parse, token) =>
        {
            using var session = SyncSession.Open(context);
            var (backlogHandle, jiraId, user) = await new AssigneeMappingEditor(session.Paths)
                .AddAsync(parse.GetValue(offline) ? null : session.Jira, parse.GetValue(handle)!, parse.GetValue(jiraUser)!, parse.GetValue(force), token);
            if (parse.GetValue(addJson)) JsonResult.Write(context, "assignee-mapping-added", new JsonObject { ["backlog"] = backlogHandle, ["jira"] = jiraId, ["displayName"] = user?.DisplayName });
            else context.Out.WriteLine($"✓ Added mapping: {backlogHandle} → {jiraId}{(user is null ? "" : $" ({user.DisplayName})")}");
            return ExitCodes.Success;
        });

        var removeHandle = new Argument<string>("backlog-user") { Description = "The Backlog assignee, e.g. @alice" };
        var removeJson = JsonResult.Option();
        var remove = new Command("remove", "Remove a Backlog assignee's mapping\n\nExample: backlog-jira map-assignees remove @alice") { removeHandle, removeJson };
        remove.Aliases.Add("rm");
        remove.SetAction(async (parse, token) =>
        {
            using var session = SyncSession.Open(context);
            var handleText = parse.GetValue(removeHandle)!;
            var was = await new AssigneeMappingEditor(session.Paths).RemoveAsync(handleText, token);
            if (parse.GetValue(removeJson)) JsonResult.Write(context, "assignee-mapping-removed", new JsonObject { ["backlog"] = "@" + handleText.TrimStart('@'), ["jira"] = was });
            else context.Out.WriteLine($"✓ Removed mapping: @{handleText.TrimStart('@')} → {was}");
            return ExitCodes.Success;
        });

        return new Command("map-assignees", "Map Backlog assignees (@handle) to Jira users") { show, add, remove };
    }
}
