using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Commands.Doctor;

internal enum CheckStatus
{
    Ok,
    Warning,
    Failed,
    Skipped,
}

/// <summary>One diagnosis: what was checked, what was found, and (when not ok) the fix in one line.</summary>
internal sealed record CheckResult(string Name, CheckStatus Status, string Detail, string? Fix = null, TimeSpan? Duration = null)
{
    public static CheckResult Ok(string name, string detail, TimeSpan? duration = null) => new(name, CheckStatus.Ok, detail, null, duration);

    public static CheckResult Warn(string name, string detail, string fix) => new(name, CheckStatus.Warning, detail, fix);

    public static CheckResult Fail(string name, string detail, string fix, TimeSpan? duration = null) => new(name, CheckStatus.Failed, detail, fix, duration);

    public static CheckResult Skip(string name, string detail) => new(name, CheckStatus.Skipped, detail);

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["status"] = Status.ToString().ToLowerInvariant(),
        ["detail"] = Detail,
        ["fix"] = Fix,
        ["durationMs"] = Duration is { } d ? Math.Round(d.TotalMilliseconds) : null,
    };
}
