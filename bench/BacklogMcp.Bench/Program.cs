using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Bench;
using Sandbox.Nulab;

// Cold start (spawn → initialize → tools/list) and one issue-list call, for backlog-mcp and, in the same run and
// against the same sandbox, for Nulab's official server. Runs alternate so machine noise hits both alike.
// Usage: dotnet run -c Release --project bench/BacklogMcp.Bench -- <runs> <backlog-mcp command> [<nulab index.js>]
// (the command is a path to BacklogMcp.dll, run with dotnet, or to a published executable). bench/backlog-mcp-start.sh
// builds both variants of ours and installs Nulab's server.
var runs = int.Parse(args.ElementAtOrDefault(0) ?? "10", CultureInfo.InvariantCulture);
var servers = args.Skip(1).ToList();
await using var sandbox = await NulabSandbox.StartAsync(new NulabSandboxOptions { HttpsPort = 0, ReadLimit = 100_000, SearchLimit = 100_000 });
var ours = new Dictionary<string, string> { ["BACKLOG_BASE_URL"] = sandbox.BaseUrl.GetLeftPart(UriPartial.Authority), ["BACKLOG_API_KEY"] = sandbox.ApiKey };
var nulab = new Dictionary<string, string>
{
    ["BACKLOG_DOMAIN"] = sandbox.HttpsUrl!.Authority, ["BACKLOG_API_KEY"] = sandbox.ApiKey, ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0", ["NODE_NO_WARNINGS"] = "1",
};
var variants = servers.Select(path => path.EndsWith(".js", StringComparison.Ordinal)
        ? (Name: "nulab backlog-mcp-server 0.20.4 (node)", Command: "node", Args: new[] { path }, Env: nulab, Tool: "get_issues", Arguments: new JsonObject { ["projectId"] = new JsonArray(10), ["count"] = 20 })
        : (Name: path.EndsWith(".dll", StringComparison.Ordinal) ? "backlog-mcp (dotnet BacklogMcp.dll, JIT)" : "backlog-mcp (" + Path.GetFileName(Path.GetDirectoryName(path)) + ")",
           Command: path.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : path, Args: path.EndsWith(".dll", StringComparison.Ordinal) ? new[] { path } : [], Env: ours,
           Tool: "backlog_get_issue_list", Arguments: new JsonObject { ["projectIdOrKey"] = "BLG", ["count"] = 20 }))
    .ToList();

var figures = variants.ToDictionary(v => v.Name, _ => new List<RunFigures>());
for (var warm = 0; warm < 1; warm++)
    foreach (var v in variants) await StdioServerRun.MeasureAsync(v.Command, v.Args, v.Env, v.Tool, v.Arguments);
for (var run = 0; run < runs; run++)
    foreach (var v in variants) figures[v.Name].Add(await StdioServerRun.MeasureAsync(v.Command, v.Args, v.Env, v.Tool, (JsonObject)v.Arguments.DeepClone()));

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

Console.WriteLine($"{runs} cold runs each (medians), Nulab sandbox on {sandbox.BaseUrl} / {sandbox.HttpsUrl}");
Console.WriteLine("| server | start → tools/list (ms) | issue list call (ms) | peak RSS (MB) | tools | call ok |");
Console.WriteLine("|---|---:|---:|---:|---:|---|");
foreach (var (name, list) in figures)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Median(list.Select(f => f.StartMs)):0} | {Median(list.Select(f => f.CallMs)):0} | {Median(list.Select(f => (double)f.PeakRssKb)) / 1024:0.0} | {list[0].Tools} | {list.All(f => f.CallOk)} |"));
foreach (var (name, list) in figures)
    if (list.FirstOrDefault(f => !f.CallOk) is { } failed) Console.WriteLine($"{name}: the call failed: {failed.CallAnswer[..Math.Min(400, failed.CallAnswer.Length)]}");
if (figures.Count > 1)
{
    var baseline = figures.Last();
    foreach (var (name, list) in figures.SkipLast(1))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: cold start {Median(baseline.Value.Select(f => f.StartMs)) / Median(list.Select(f => f.StartMs)):0.0}× faster than {baseline.Key}"));
}
