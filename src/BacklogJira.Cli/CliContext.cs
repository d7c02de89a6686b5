using System.Collections;

namespace BacklogJira.Cli;

/// <summary>Where a command runs and where it writes: the real console in <c>Program</c>, captured writers in tests.</summary>
internal sealed record CliContext(string WorkingDirectory, TextWriter Out, TextWriter Error, IDictionary Environment, bool IsInteractive, TextReader In)
{
    /// <summary><c>--transport rest|mcp</c> when given; it wins over <c>jira.transport</c> in config.json.</summary>
    public string? Transport { get; init; }

    public static CliContext FromConsole() => new(
        Directory.GetCurrentDirectory(), Console.Out, Console.Error, System.Environment.GetEnvironmentVariables(),
        !Console.IsInputRedirected && !Console.IsOutputRedirected, Console.In);
}
