using System.Diagnostics;

namespace BacklogJira.Cli.Tests;

/// <summary>The built <c>backlog-jira</c> as a real child process (for stdio relaying, signals and terminals).</summary>
internal static class CliProcess
{
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "backlog-jira.dll");

    /// <summary>Redirected stdio, run in the project with the run's environment.</summary>
    public static ProcessStartInfo StartInfo(CliRun cli, params string[] args)
    {
        var start = new ProcessStartInfo(Host)
        {
            WorkingDirectory = cli.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (System.Collections.DictionaryEntry entry in cli.Environment) start.Environment[(string)entry.Key] = (string?)entry.Value;
        return start;
    }
}
