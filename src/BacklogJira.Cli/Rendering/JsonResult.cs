using System.CommandLine;
using System.Text.Json.Nodes;

namespace BacklogJira.Cli.Rendering;

/// <summary>The <c>--json</c> of the smaller commands: one document on stdout, <c>{schemaVersion: 1, kind, …}</c>.</summary>
internal static class JsonResult
{
    public static Option<bool> Option() => new("--json") { Description = "One JSON document on stdout ({schemaVersion, kind, …})" };

    public static void Write(CliContext context, string kind, JsonObject fields)
    {
        var document = new JsonObject { ["schemaVersion"] = 1, ["kind"] = kind };
        foreach (var (name, value) in fields) document[name] = value?.DeepClone();
        context.Out.WriteLine(document.ToJsonString());
    }
}
