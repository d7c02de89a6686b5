using System.Diagnostics;

namespace BacklogJira.Cli.Tests;

/// <summary>The built <c>backlog-jira</c> as a real child process (for stdio relaying, signals and terminals).</summary>
internal static class CliProcess
{
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "backlog-jira.dll");

    /// <summary>What starts <c>backlog-jira</c>: the built dll under dotnet, or <c>BACKLOG_JIRA_EXECUTABLE</c> (the
    /// Native AOT file, which CI puts through every test that runs the CLI as a process).</summary>
    public static string Executable => Environment.GetEnvironmentVariable("BACKLOG_JIRA_EXECUTABLE") is { Length: > 0 } executable ? executable : Host;

    /// <summary>The arguments before the CLI's own: the dll for dotnet, none for the executable.</summary>
    public static IReadOnlyList<string> Prefix => Executable == Host ? [Dll] : [];

    /// <summary>File and prefix as one shell command line, each word quoted.</summary>
    public static string ShellCommand => ShellLine();

    /// <summary>The command line that runs the CLI with <paramref name="args"/>, each word single-quoted for sh.</summary>
    public static string ShellLine(params IEnumerable<string> args) =>
        string.Join(' ', new[] { Executable }.Concat(Prefix).Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    /// <summary>Redirected stdio, run in the project with the run's environment.</summary>
    public static ProcessStartInfo StartInfo(CliRun cli, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = cli.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in Prefix) start.ArgumentList.Add(arg);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (System.Collections.DictionaryEntry entry in cli.Environment) start.Environment[(string)entry.Key] = (string?)entry.Value;
        return start;
    }
}
