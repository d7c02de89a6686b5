using System.CommandLine;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary><c>doctor [--json]</c>: every check real, each not-ok one with its fix; exit 1 when one failed.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON document: {schemaVersion, kind, transport, ok, checks: [{name, status, detail, fix, durationMs}]}" };
        var command = new Command("doctor",
            "Check everything a sync depends on: runtime, Backlog.md project, backlog CLI, config, credentials, Jira (reachable, login, " +
            "project, mapped statuses, priorities and users), clock skew, real-time sync (webhook and serve), git; each problem with its fix. Exit 1 when a check fails.\n\n" +
            "Example: backlog-jira doctor --json") { json };
        command.SetAction((parse, token) => RunAsync(context, parse.GetValue(json), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, bool json, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult> { LocalChecks.Runtime() };
        var (projectCheck, store) = LocalChecks.Project(context.WorkingDirectory);
        results.Add(projectCheck);
        results.Add(await LocalChecks.BacklogCliAsync(context.Environment, context.WorkingDirectory, cancellationToken));
        SyncConfig? config = null;
        if (store is not null)
        {
            var (configCheck, loaded) = LocalChecks.Config(new StatePaths(store.Project.RootPath));
            results.Add(configCheck);
            config = loaded;
        }
        var transport = JiraClientFactory.Transport(context, config).ToString().ToLowerInvariant();
        results.AddRange(await JiraAsync(context, store?.Project.RootPath, config, full: true, cancellationToken));
        if (store is not null) results.Add(await ServeChecks.RunAsync(context, store.Project.RootPath, config, cancellationToken));
        if (store is not null && config is not null) results.Add(LocalChecks.Mappings(store, new StatePaths(store.Project.RootPath)));
        if (store is not null) results.Add(await LocalChecks.GitAsync(store, cancellationToken));
        return CheckReport.Write(context, "doctor", results, json, transport);
    }

    /// <summary>Credentials, then the Jira checks (<paramref name="full"/>: also clock and mappings); shared with connect.</summary>
    public static async Task<IReadOnlyList<CheckResult>> JiraAsync(CliContext context, string? projectRoot, SyncConfig? config, bool full, CancellationToken cancellationToken)
    {
        JiraConnectionSettings settings;
        try
        {
            settings = JiraClientFactory.Quick(JiraSettingsLoader.Load(projectRoot, context.Environment));
        }
        catch (JiraConfigurationException error)
        {
            return [CheckResult.Fail("credentials", error.Message, "Set them in the environment or in .env (kept out of git), or run 'backlog-jira configure'.")];
        }
        var results = new List<CheckResult> { JiraChecks.Credentials(settings) };
        try
        {
            var jira = JiraClientFactory.Create(context, config, settings);
            try
            {
                results.AddRange(await new JiraChecks(jira, settings, config, TimeProvider.System).RunAsync(full, cancellationToken));
            }
            finally
            {
                (jira as IDisposable)?.Dispose();
            }
        }
        catch (Exception error) when (error is JiraConfigurationException or SyncConfigException)
        {
            results.Add(CheckResult.Fail("Jira transport", error.Message, "Fix the transport settings named above, or use --transport rest."));
        }
        return results;
    }
}
