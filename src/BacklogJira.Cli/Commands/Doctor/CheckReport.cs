using System.Text.Json;
using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>Prints check results as lines (<c>✓ name: detail</c>, the fix under anything not ok) or one JSON document,
/// and turns them into the exit code: 1 when any check failed.</summary>
internal static class CheckReport
{
    public static int Write(CliContext context, string kind, IReadOnlyList<CheckResult> results, bool json, string transport)
    {
        var failed = results.Count(r => r.Status == CheckStatus.Failed);
        var warnings = results.Count(r => r.Status == CheckStatus.Warning);
        if (json)
        {
            var document = new JsonObject
            {
                ["schemaVersion"] = 1,
                ["kind"] = kind,
                ["transport"] = transport,
                ["ok"] = failed == 0,
                ["checks"] = new JsonArray([.. results.Select(r => (JsonNode)r.ToJson())]),
            };
            context.Out.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            foreach (var result in results)
            {
                var mark = result.Status switch { CheckStatus.Ok => "✓", CheckStatus.Warning => "!", CheckStatus.Failed => "✗", _ => "-" };
                var timing = result.Duration is { } d ? $" ({d.TotalMilliseconds:0} ms)" : "";
                context.Out.WriteLine($"{mark} {result.Name}: {result.Detail}{timing}");
                if (result.Fix is { } fix) context.Out.WriteLine($"    fix: {fix}");
            }
            context.Out.WriteLine();
            context.Out.WriteLine(failed > 0
                ? $"{failed} check(s) failed, {warnings} warning(s)."
                : warnings > 0 ? $"All checks passed, {warnings} warning(s)." : "All checks passed.");
        }
        return failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
