using Microsoft.Extensions.Logging;

namespace BacklogJira.Cli.Logging;

/// <summary>
/// Log lines for people and scripts: on stderr only (stdout carries the command's result, or an MCP stream), one line
/// each as <c>debug Jira: …</c>, secrets redacted. The level comes from <c>--verbose</c> (debug) or <c>LOG_LEVEL</c>
/// (trace, debug, information, warning, error, none); warnings by default.
/// </summary>
internal sealed class StderrLogger(string category, LogLevel minimum, TextWriter error, SecretRedactor redactor) : ILogger
{
    private static readonly Lock Gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var message = formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
        var line = $"{Tag(logLevel)} {category}: {redactor.Redact(message)}";
        lock (Gate) error.WriteLine(line);
    }

    public static LogLevel? ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "none" or "off" => LogLevel.None,
        _ => null,
    };

    private static string Tag(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "crit",
    };
}
