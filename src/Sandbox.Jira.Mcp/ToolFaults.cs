namespace Sandbox.Jira.Mcp;

/// <summary>
/// Failures to inject, from <c>SANDBOX_MCP_FAULTS</c> (<c>;</c>-separated): <c>fail-start</c> (exit at once, as a
/// misconfigured server does), <c>hide=tool,tool</c> (not listed, "Unknown tool" when called), <c>exit-after=N</c>
/// (the process dies on call N+1), <c>delay-ms=N</c> (every call waits), <c>soft-fail=tool</c> (an in-band
/// <c>{"success": false}</c> answer), <c>update-fails</c> (jira_update_issue reports <c>operations_failed</c>).
/// </summary>
internal sealed record ToolFaults
{
    public bool FailStart { get; init; }
    public IReadOnlySet<string> Hidden { get; init; } = new HashSet<string>();
    public int? ExitAfterCalls { get; init; }
    public int DelayMilliseconds { get; init; }
    public IReadOnlySet<string> SoftFail { get; init; } = new HashSet<string>();
    public bool UpdateFails { get; init; }

    public static ToolFaults Parse(string? text)
    {
        var faults = new ToolFaults();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=') is var i and > 0 ? (part[..i], part[(i + 1)..]) : (part, "");
            faults = name switch
            {
                "fail-start" => faults with { FailStart = true },
                "hide" => faults with { Hidden = value.Split(',').ToHashSet(StringComparer.Ordinal) },
                "exit-after" => faults with { ExitAfterCalls = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "delay-ms" => faults with { DelayMilliseconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "soft-fail" => faults with { SoftFail = value.Split(',').ToHashSet(StringComparer.Ordinal) },
                "update-fails" => faults with { UpdateFails = true },
                _ => throw new ArgumentException($"SANDBOX_MCP_FAULTS: unknown fault \"{name}\"."),
            };
        }
        return faults;
    }
}
