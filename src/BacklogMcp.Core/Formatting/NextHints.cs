namespace BacklogMcp.Core.Formatting;

/// <summary>The reference's closing block of suggested follow-up calls: <c>---</c>, <c>💡 **Next:**</c>, then one
/// backticked pseudo-call per line with what it does.</summary>
public static class NextHints
{
    public static string Block(params (string Call, string Why)[] hints) =>
        "\n\n---\n💡 **Next:**\n" + string.Join("\n", hints.Select(h => $"- `{h.Call}` — {h.Why}"));

    /// <summary>A string argument as the pseudo-call shows it.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
