using System.CommandLine;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Config;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Cli.Commands;
using BacklogJira.Cli.Commands.Map;
using BacklogJira.Cli.Commands.MapAssignees;
using BacklogJira.Cli.Commands.Sync;
using BacklogJira.Cli.Rendering;
using BacklogJira.Cli.Logging;
using BacklogJira.Jira.Errors;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using Microsoft.Extensions.Logging;

namespace BacklogJira.Cli;

/// <summary>The <c>backlog-jira</c> command tree and the one place where errors become messages and exit codes.</summary>
internal static class CliApp
{
    private const string Description =
        "backlog-jira: keep Backlog.md tasks and Jira issues in sync\n\n" +
        "Exit codes: 0 done, 1 something failed, 2 conflicts left to settle, 3 configuration or usage error.";

    /// <summary>Global: how to reach Jira for this run.</summary>
    public static readonly Option<string?> TransportOption = CreateTransportOption();

    private static Option<string?> CreateTransportOption()
    {
        var option = new Option<string?>("--transport")
        {
            Description = "How to reach Jira: rest (default) or mcp (through an MCP Atlassian server, config 'mcp'); overrides jira.transport",
            Recursive = true,
        };
        // Refused by every command alike, before anything runs.
        option.AcceptOnlyFromAmong("rest", "mcp");
        return option;
    }

    /// <summary>Global: debug log lines on stderr (same as LOG_LEVEL=debug).</summary>
    public static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Log what happens (requests, timings, the MCP server's messages) to stderr; LOG_LEVEL=trace|debug|information|warning|error also sets it",
        Recursive = true,
    };

    public static RootCommand Build(CliContext context) => new(Description)
    {
        TransportOption,
        VerboseOption,
        InitCommand.Create(context),
        Commands.Configure.ConfigureCommand.Create(context),
        MapCommand.Create(context),
        MapAssigneesCommand.Create(context),
        CreateIssueCommand.Create(context),
        PushCommand.Create(context),
        PullCommand.Create(context),
        SyncCommand.Create(context),
        StatusCommand.Create(context),
        WatchCommand.Create(context),
        Commands.Serve.ServeCommand.Create(context),
        Commands.Serve.WebhookCommand.Create(context),
        Commands.Ui.UiCommand.Create(context),
        ViewCommand.Create(context),
        Commands.Doctor.DoctorCommand.Create(context),
        Commands.Connect.ConnectCommand.Create(context),
        Commands.Mcp.McpStartCommand.Create(context),
        CompletionCommand.Create(context),
        DemoCommand.Create(context),
        SandboxCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        if (AsciiText.Wanted(context.Environment["FORCE_ASCII"] as string, context.ConsoleEncoding))
            context = context with { Out = new AsciiWriter(context.Out), Error = new AsciiWriter(context.Error) };
        // Backlog handles start with @, which System.CommandLine would read as a response file by default.
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        // No command at all: the help, which is what someone typing the bare name wants.
        if (args.Length == 0) args = ["--help"];
        var parse = Build(context).Parse(args, configuration);
        if (parse.Errors.Count == 0)
        {
            // The global options shape the context every command is built with, so the tree is built again with them.
            var level = parse.GetValue(VerboseOption) ? LogLevel.Debug
                : StderrLogger.ParseLevel(context.Environment["LOG_LEVEL"] as string) ?? LogLevel.Warning;
            context = context with { Transport = parse.GetValue(TransportOption), Logger = new StderrLogger("backlog-jira", level, context.Error, context.Secrets) };
            parse = Build(context).Parse(args, configuration);
        }
        var json = args.Contains("--json", StringComparer.Ordinal);
        if (parse.Errors.Count > 0)
        {
            var messages = UsageMessages(args, parse, context).ToList();
            foreach (var message in messages) context.Error.WriteLine(message);
            context.Error.WriteLine("Run 'backlog-jira --help' for usage.");
            if (json) WriteErrorDocument(context, ExitCodes.Usage, string.Join(" ", messages));
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                Output = context.Out,
                Error = context.Error,
                // Ctrl-C cancels the command's token; a running write (a watch cycle) gets this long to finish.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            }, cancellationToken);
        }
        catch (Exception error) when (error is SyncConfigException or JiraConfigurationException or BacklogMdProjectNotFoundException or BacklogMdConfigException)
        {
            context.Error.WriteLine(error.Message);
            if (json) WriteErrorDocument(context, ExitCodes.Usage, error.Message);
            return ExitCodes.Usage;
        }
        catch (Exception error) when (error is MappingException or TaskLookupException or TaskEditException or LockBusyException or JiraException)
        {
            context.Error.WriteLine(error.Message);
            if (json) WriteErrorDocument(context, ExitCodes.Failure, error.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception error) when (Unwrap(error) is IOException or UnauthorizedAccessException)
        {
            var message = $"backlog-jira could not read or write a file: {Unwrap(error).Message} " +
                "Check that the path is a file you may write (not a folder, not read-only, not locked by another program), then run again.";
            context.Error.WriteLine(message);
            ShowDetails(context, parse, error);
            if (json) WriteErrorDocument(context, ExitCodes.Failure, message);
            return ExitCodes.Failure;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The last resort: one line that says what it is and where the details are, never a bare stack trace.
            var message = $"backlog-jira stopped on an unexpected error, a bug in backlog-jira: {Unwrap(error).GetType().Name}: {Unwrap(error).Message}";
            context.Error.WriteLine(message);
            if (json) WriteErrorDocument(context, ExitCodes.Failure, message);
            context.Error.WriteLine(parse.GetValue(VerboseOption)
                ? "Please report it with the details below (they hold no credentials)."
                : "Run the command again with --verbose to see where it happened, and please report it with that output.");
            ShowDetails(context, parse, error);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The parser's complaints, except that a word naming no command where one is expected (<c>statsu</c>,
    /// <c>map lst</c>) says so and suggests the closest (instead of "Required command was not provided" beside
    /// "Unrecognized command or argument").</summary>
    private static IEnumerable<string> UsageMessages(string[] args, ParseResult parse, CliContext context)
    {
        Command current = Build(context);
        var path = "backlog-jira";
        foreach (var word in args.TakeWhile(a => !a.StartsWith('-')))
        {
            var next = current.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
            if (next is null)
            {
                if (current.Subcommands.Count == 0 || current.Arguments.Count > 0) break;
                var closest = CommandSuggestion.Closest(word, current.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)));
                yield return $"'{word}' is not a {path} command." + (closest is null ? "" : $" Did you mean '{closest}'?");
                yield break;
            }
            current = next;
            path += " " + next.Name;
        }
        foreach (var error in parse.Errors) yield return error.Message;
    }

    /// <summary>With <c>--json</c>, a failure still prints one JSON document on stdout, so a script reading it always
    /// gets one: <c>{schemaVersion: 1, kind: "error", exitCode, message}</c> (the message also goes to stderr).</summary>
    private static void WriteErrorDocument(CliContext context, int exitCode, string message) =>
        JsonResult.Write(context, "error", new System.Text.Json.Nodes.JsonObject { ["exitCode"] = exitCode, ["message"] = message });

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;

    private static void ShowDetails(CliContext context, ParseResult parse, Exception error)
    {
        if (parse.GetValue(VerboseOption)) context.Error.WriteLine(context.Secrets.Redact(error.ToString()));
    }
}
