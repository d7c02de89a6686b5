using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Rendering;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands;

/// <summary><c>init [--project-key K]</c>: creates <c>.backlog-jira/</c> with defaults next to the Backlog.md project;
/// running it again changes nothing that exists.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var projectKey = new Option<string?>("--project-key") { Description = "The Jira project key to write into a new config.json, e.g. PROJ" };
        var json = JsonResult.Option();
        var command = new Command("init", "Create .backlog-jira/ (config.json, snapshots/, .gitignore) in the Backlog.md project\n\nExample: backlog-jira init --project-key PROJ") { projectKey, json };
        command.SetAction(async (parse, token) =>
        {
            var project = ProjectLocator.Locate(context.WorkingDirectory);
            var paths = new StatePaths(project.RootPath);
            var created = await StateInitializer.InitializeAsync(paths, parse.GetValue(projectKey)?.Trim().ToUpperInvariant(), token);
            if (parse.GetValue(json))
            {
                JsonResult.Write(context, "init", new JsonObject { ["root"] = project.RootPath, ["created"] = new JsonArray([.. created.Select(c => (JsonNode?)project.RelativePath(c))]) });
                return ExitCodes.Success;
            }
            if (created.Count == 0)
            {
                context.Out.WriteLine($"{StatePaths.DirectoryName}/ is already set up in {project.RootPath}; nothing changed.");
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"✓ Initialized {StatePaths.DirectoryName}/ in {project.RootPath}");
            foreach (var path in created) context.Out.WriteLine($"  created {project.RelativePath(path)}");
            context.Out.WriteLine("Next: set jira.projectKey in .backlog-jira/config.json (or pass --project-key), put JIRA_URL and credentials in the environment or .env, then run 'backlog-jira map auto' or 'backlog-jira create-issue <taskId>'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
