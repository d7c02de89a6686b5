using System.Collections;

namespace BacklogJira.Cli;

/// <summary>Where a command runs and where it writes: the real console in <c>Program</c>, captured writers in tests.</summary>
internal sealed record CliContext(string WorkingDirectory, TextWriter Out, TextWriter Error, IDictionary Environment, bool IsInteractive, TextReader In)
{
    /// <summary><c>--transport rest|mcp</c> when given; it wins over <c>jira.transport</c> in config.json.</summary>
    public string? Transport { get; init; }

    /// <summary>Where log lines go (stderr), at the level from --verbose or LOG_LEVEL; silent until the run sets it.</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>The secrets this run has read, blanked out of every log line.</summary>
    public Logging.SecretRedactor Secrets { get; init; } = new();

    /// <summary>The terminal's encoding when output goes to one (null when redirected or in tests): not UTF-8 means ASCII output.</summary>
    public System.Text.Encoding? ConsoleEncoding { get; init; }

    /// <summary>True once nobody reads our output any more (a closed pipe); long-running commands then stop.</summary>
    public Func<bool> OutputClosed { get; init; } = () => false;

    public static CliContext FromConsole() => new(
        Directory.GetCurrentDirectory(), Console.Out, Console.Error, System.Environment.GetEnvironmentVariables(),
        !Console.IsInputRedirected && !Console.IsOutputRedirected, Console.In)
    {
        ConsoleEncoding = Console.IsOutputRedirected ? null : Console.OutputEncoding,
        OutputClosed = Rendering.OutputPipe.ReaderGone,
    };
}
