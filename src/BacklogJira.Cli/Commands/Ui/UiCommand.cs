using System.CommandLine;
using BacklogJira.Web;

namespace BacklogJira.Cli.Commands.Ui;

/// <summary>
/// <c>ui [--port N] [--no-open]</c>: the web UI (docs/web-ui.md) on 127.0.0.1, opened in the browser. The address it
/// prints carries this run's session token; the Jira token stays in this process.
/// </summary>
internal static class UiCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 8788 };
        var noOpen = new Option<bool>("--no-open") { Description = "Do not open the browser; only print the address" };
        var command = new Command("ui", "Open the web UI: the pairs, each side by side, push/pull/sync through a plan, conflicts settled per field, import by JQL\n\nExample: backlog-jira ui --port 0")
        {
            port, noOpen,
        };
        command.SetAction(async (parse, token) =>
        {
            var chosen = parse.GetValue(port);
            if (chosen is < 0 or > 65535)
            {
                await context.Error.WriteLineAsync($"Invalid --port {chosen}: give 1-65535, or 0 for a free one.");
                return ExitCodes.Usage;
            }
            return await RunAsync(context, chosen, !parse.GetValue(noOpen), token);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int port, bool open, CancellationToken stop)
    {
        using var session = SyncSession.Open(context);
        if (await RunningUi.FindAsync(session.Paths.Root, stop) is { } running)
        {
            await context.Out.WriteLineAsync($"The UI of this repository is already running (process {running.ProcessId}: serve or another ui):");
            await context.Out.WriteLineAsync($"  {running.Address}");
            if (open && !BrowserLauncher.TryOpen(running.Address))
                await context.Error.WriteLineAsync("Could not open a browser here: open the address above yourself.");
            return ExitCodes.Success;
        }
        _ = session.Jira; // credentials checked now, not on the first page
        UiHost host;
        try
        {
            host = await UiHost.StartAsync(session.Workspace, port, context.Secrets.Redact, cancellationToken: stop);
        }
        catch (IOException error) when (error.InnerException is System.Net.Sockets.SocketException || error.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await context.Error.WriteLineAsync($"Cannot listen on 127.0.0.1:{port} ({error.Message}). Is another backlog-jira ui running? Give another --port, or --port 0 for a free one.");
            return ExitCodes.Failure;
        }
        await using (host)
        {
            await context.Out.WriteLineAsync($"backlog-jira UI for {session.Store.Project.RootPath}:");
            await context.Out.WriteLineAsync($"  {host.Address}");
            await context.Out.WriteLineAsync("The address carries this run's session token: open it as it is (only on this machine). Ctrl-C stops.");
            if (open && !BrowserLauncher.TryOpen(host.Address))
                await context.Error.WriteLineAsync("Could not open a browser here: open the address above yourself.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM.
            }
        }
        return ExitCodes.Success;
    }
}
