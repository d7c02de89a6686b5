using System.Text.Json.Nodes;

namespace BacklogMcp.Core.Tools;

/// <summary>The required project argument the per-project list tools share.</summary>
public static class ProjectArgument
{
    public const string Name = "projectIdOrKey";

    public static JsonObject Schema() => Tools.Schema.Text("Project key such as \"MYPROJ\", or the numeric project id.", 1);

    public static string Read(ToolArgs args) => args.RequiredString(Name);

    public static JsonObject Rows(string project, string listName, JsonArray rows) => new() { [Name] = project, [listName] = rows };

    public static JsonObject RowsSchema(string listName, JsonObject item) =>
        Tools.Schema.Output(new JsonObject { [Name] = Tools.Schema.Type("string"), [listName] = Tools.Schema.ArrayOf(item) }, Name, listName);
}
