using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace BacklogMcp.Bench;

/// <summary>One cold run of an MCP stdio server, driven with raw JSON-RPC lines (no client library in the measured
/// path): spawn → initialize answered → tools/list answered, then one tool call; the child's peak RSS from /proc.</summary>
public sealed record RunFigures(double StartMs, double CallMs, long PeakRssKb, int Tools, bool CallOk, string CallAnswer);

public static class StdioServerRun
{
    public static async Task<RunFigures> MeasureAsync(string command, string[] arguments, IDictionary<string, string> environment, string tool, JsonObject toolArguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        async Task<JsonNode> AskAsync(int id, string method, JsonObject? parameters)
        {
            var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
            if (parameters is not null) request["params"] = parameters;
            await process.StandardInput.WriteLineAsync(request.ToJsonString());
            await process.StandardInput.FlushAsync();
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException($"{command} closed stdout");
                var message = JsonNode.Parse(line)!;
                if (message["id"] is { } answerId && (int)answerId == id) return message;
            }
        }
        await AskAsync(1, "initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-06-18", ["capabilities"] = new JsonObject(), ["clientInfo"] = new JsonObject { ["name"] = "bench", ["version"] = "1" },
        });
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        var tools = await AskAsync(2, "tools/list", null);
        var startMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var call = await AskAsync(3, "tools/call", new JsonObject { ["name"] = tool, ["arguments"] = toolArguments });
        var callMs = clock.Elapsed.TotalMilliseconds;
        var rss = PeakRssKb(process.Id);
        process.StandardInput.Close();
        if (!process.WaitForExit(5000)) process.Kill(entireProcessTree: true);
        var ok = call["result"] is JsonObject result && result["isError"]?.GetValue<bool>() != true;
        return new RunFigures(startMs, callMs, rss, tools["result"]?["tools"]?.AsArray().Count ?? 0, ok, call.ToJsonString());
    }

    private static long PeakRssKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
