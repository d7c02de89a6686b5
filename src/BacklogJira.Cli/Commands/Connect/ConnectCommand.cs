using System.CommandLine;
using System.Diagnostics;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.Cli.Commands.Doctor;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Connect;

/// <summary><c>connect [--json]</c>: proves, with timings, that the Backlog.md project reads and that Jira answers, lets
/// this user in and shows the project, over the transport in use. Exit 1 when one of them fails.</summary>
internal static class ConnectCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document: {schemaVersion, kind, transport, ok, checks}" };
        var command = new Command("connect", "Prove Backlog.md access and the Jira login and project, with timings, over the transport in use\n\nExample: backlog-jira connect --transport mcp") { json };
        command.SetAction((parse, token) => RunAsync(context, parse.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, bool json, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        var watch = Stopwatch.StartNew();
        SyncConfig? config = null;
        string? root = null;
        try
        {
            var store = BacklogMdTaskStore.Open(context.WorkingDirectory);
            root = store.Project.RootPath;
            var scan = store.LoadAll();
            results.Add(CheckResult.Ok("Backlog.md", $"{scan.Tasks.Count} task(s) read from {store.Project.RelativePath(store.Project.BacklogPath)}/", watch.Elapsed));
            var (configCheck, loaded) = LocalChecks.Config(new StatePaths(root));
            if (configCheck.Status == CheckStatus.Failed) results.Add(configCheck);
            config = loaded;
        }
        catch (Exception error) when (error is BacklogMdProjectNotFoundException or BacklogMdConfigException)
        {
            results.Add(CheckResult.Fail("Backlog.md", error.Message, "Run it inside a Backlog.md project ('backlog init' creates one).", watch.Elapsed));
        }
        results.AddRange(await DoctorCommand.JiraAsync(context, root, config, full: false, cancellationToken));
        return CheckReport.Write(context, "connect", results, json, JiraClientFactory.Transport(context, config).ToString().ToLowerInvariant());
    }
}
