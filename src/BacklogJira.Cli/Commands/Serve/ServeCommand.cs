using System.CommandLine;
using System.Net;
using BacklogJira.Core.Merge;
using BacklogJira.Jira.Configuration;
using BacklogJira.Serve.Hosting;
using BacklogJira.Serve.Queue;
using BacklogJira.Serve.Work;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Serve;

/// <summary>
/// <c>serve</c>: real-time sync (docs/serve.md). Jira webhooks and task file changes become targeted syncs of the pairs
/// they touch, through a queue on disk; an incremental poll of everything catches what a lost event missed.
/// </summary>
internal static class ServeCommand
{
    public const string SecretVariable = "JIRA_WEBHOOK_SECRET";

    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 8787 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on; 127.0.0.1 unless Jira must reach this machine directly", DefaultValueFactory = _ => "127.0.0.1" };
        var publicUrl = new Option<string?>("--public-url") { Description = "The address Jira reaches this server at (a tunnel or reverse proxy), shown for registering the webhook" };
        var poll = new Option<string?>("--poll-interval") { Description = "Safety-net sync of everything: 90s, 5m, 1h (default 10m)" };
        var strategy = new Option<string?>("--strategy") { Description = "prefer-backlog, prefer-jira or manual (prompt cannot wait; it acts as manual); default from config" };
        strategy.AcceptOnlyFromAmong("prefer-backlog", "prefer-jira", "prompt", "manual");
        var noImport = new Option<bool>("--no-import") { Description = "Do not import issues created in the import scope; only sync pairs" };
        var noFiles = new Option<bool>("--no-files") { Description = "Do not watch task files (the poll still catches task edits)" };
        var uiPort = new Option<int>("--ui-port") { Description = "Port of the web UI on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8788 };
        var noUi = new Option<bool>("--no-ui") { Description = "Do not host the web UI" };
        var command = new Command("serve", "Sync in real time: Jira webhooks and task file changes trigger syncs of the pairs they touch\n\nExample: backlog-jira serve --public-url https://sync.example.com")
        {
            port, bind, publicUrl, poll, strategy, noImport, noFiles, uiPort, noUi,
        };
        command.SetAction(async (parse, token) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
            {
                await context.Error.WriteLineAsync($"Invalid --bind '{parse.GetValue(bind)}': give an IP address such as 127.0.0.1 or 0.0.0.0.");
                return ExitCodes.Usage;
            }
            var pollInterval = TimeSpan.FromMinutes(10);
            if (parse.GetValue(poll) is { } pollText)
            {
                if (IntervalText.Parse(pollText) is not { } parsed)
                {
                    await context.Error.WriteLineAsync($"Invalid --poll-interval '{pollText}': use 90s, 5m or 1h (at least 1s).");
                    return ExitCodes.Usage;
                }
                pollInterval = parsed;
            }
            Uri? publicBase = null;
            if (parse.GetValue(publicUrl) is { } publicText && (!Uri.TryCreate(publicText, UriKind.Absolute, out publicBase) || publicBase.Scheme is not ("http" or "https")))
            {
                await context.Error.WriteLineAsync($"Invalid --public-url '{publicText}': give the http(s) address Jira reaches, e.g. https://sync.example.com");
                return ExitCodes.Usage;
            }
            var ui = parse.GetValue(noUi) ? (int?)null : parse.GetValue(uiPort);
            if (ui is < 0 or > 65535)
            {
                await context.Error.WriteLineAsync($"Invalid --ui-port {ui}: give 1-65535, or 0 for a free one.");
                return ExitCodes.Usage;
            }
            return await RunAsync(context, address, parse.GetValue(port), publicBase, pollInterval, parse.GetValue(strategy), !parse.GetValue(noImport), !parse.GetValue(noFiles), ui, token);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IPAddress address, int port, Uri? publicBase, TimeSpan pollInterval, string? strategyText,
        bool importNew, bool watchFiles, int? uiPort, CancellationToken stop)
    {
        using var session = SyncSession.Open(context);
        var secret = JiraSettingsLoader.Value(session.Store.Project.RootPath, context.Environment, SecretVariable);
        if (secret is null || secret.Length < 16)
        {
            await context.Error.WriteLineAsync($"{SecretVariable} is {(secret is null ? "not set" : "shorter than 16 characters")}. Webhooks are accepted only when signed with it: " +
                $"put a long random value in .env (e.g. the output of `openssl rand -hex 32`: {SecretVariable}=<value>) and give the same value as the webhook's secret in Jira.");
            return ExitCodes.Failure;
        }
        context.Secrets.Add(secret);
        var strategy = strategyText is null ? session.Config.Strategy : SyncConfig.TryParseStrategy(strategyText)!.Value;
        if (strategy == ConflictStrategy.Prompt) strategy = ConflictStrategy.Manual;
        _ = session.Jira; // credentials checked now, not at the first webhook

        var options = new ServeOptions { Bind = address, Port = port, PollInterval = pollInterval, ImportNew = importNew, WatchFiles = watchFiles, WebhookSecret = secret };
        using var pending = new PendingWork(session.Paths.ServeQueue, session.Clock);
        var folders = new[] { TaskFolder.Tasks, TaskFolder.Completed }.Select(session.Store.Project.FolderPath).ToList();
        await using var host = await ServeHost.StartAsync(options, pending, new EngineServeSync(session.Store, session.Jira, session.Config, session.Paths, session.Clock, session.BrowseBase, strategy), folders, session.Clock, context.Out, stop);
        var hookBase = publicBase is null ? host.BaseUrl : new Uri(publicBase.ToString().TrimEnd('/') + "/");
        var hook = new Uri(hookBase, "webhooks/jira");
        await context.Out.WriteLineAsync($"Serving {session.Store.Project.RootPath} on {host.BaseUrl.ToString().TrimEnd('/')} ({SyncConfig.StrategyName(strategy)}; poll every {pollInterval.TotalMinutes:0.#} min{(importNew ? "" : "; no import")}{(watchFiles ? "" : "; task files not watched")})");
        await context.Out.WriteLineAsync($"  Jira webhook URL: {hook} (Cloud: secret = {SecretVariable}; Data Center: {hook}?token=<{SecretVariable}>)");
        await context.Out.WriteLineAsync($"  health: {new Uri(host.BaseUrl, "healthz")}");
        // The web UI in the same process (its own listener, on 127.0.0.1 only, whatever --bind says).
        await using var ui = uiPort is { } chosen ? await StartUiAsync(context, session, chosen, stop) : null;
        if (ui is not null) await context.Out.WriteLineAsync($"  web UI: {ui.Address} (or run 'backlog-jira ui')");
        if (!IPAddress.IsLoopback(address)) await context.Error.WriteLineAsync($"warning: listening on {address}, reachable beyond this machine; only signed webhooks are accepted.");
        if (publicBase is null) await context.Out.WriteLineAsync("  Jira reaches this address only from this machine: give --public-url for a tunnel or proxy.");
        await context.Out.WriteLineAsync("Ctrl-C (or SIGTERM) stops after the sync under way.");
        await host.RunAsync(stop);
        await context.Out.WriteLineAsync($"Stopped: {host.Status.WebhooksAccepted} webhook(s) taken, {host.Status.Batches} batch(es), {host.Status.PairsSynced} pair sync(s).");
        return ExitCodes.Success;
    }

    /// <summary>The UI, or a warning and none when its port is taken: real-time sync matters more than the pages.</summary>
    private static async Task<BacklogJira.Web.UiHost?> StartUiAsync(CliContext context, SyncSession session, int port, CancellationToken stop)
    {
        try
        {
            return await BacklogJira.Web.UiHost.StartAsync(session.Workspace, port, context.Secrets.Redact, cancellationToken: stop);
        }
        catch (IOException error)
        {
            await context.Error.WriteLineAsync($"warning: the web UI could not listen on 127.0.0.1:{port} ({error.Message}); serving without it. Give --ui-port, or --no-ui.");
            return null;
        }
    }
}
