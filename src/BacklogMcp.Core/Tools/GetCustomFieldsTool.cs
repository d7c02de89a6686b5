using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_custom_fields, as Nulab's server names it: a project's custom fields with their kind and, for
/// lists, checkboxes and radios, their items.</summary>
public sealed class GetCustomFieldsTool : NulabTool
{
    private static readonly string[] Kinds = ["", "text", "sentence", "number", "date", "single list", "multiple list", "checkbox", "radio"];

    public override string Name => "backlog_get_custom_fields";

    public override string Title => "List a project's custom fields";

    public override string Description => "List a project's custom fields: id, name, kind (text, sentence, number, date, single list, multiple list, checkbox, radio), whether required, and the items of list-like fields.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("customFields", Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"),
        ["name"] = Schema.Nullable("string"),
        ["kind"] = Schema.Type("string"),
        ["required"] = Schema.Type("boolean"),
        ["items"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["id"] = Schema.Type("integer"), ["name"] = Schema.Nullable("string") }, "id")),
    }, "id", "kind", "required", "items"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var fields = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/customFields", null, NulabJsonContext.Default.ListNulabCustomField, cancellationToken);
        var rows = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Id, ["name"] = f.Name, ["kind"] = Kind(f.TypeId), ["required"] = f.Required,
            ["items"] = new JsonArray([.. (f.Items ?? []).Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["name"] = i.Name })]),
        })]);
        var text = $"# Custom Fields — {project}\n\n";
        if (fields.Count == 0) return new ToolOutput(text + "_No custom fields in this project._", ProjectArgument.Rows(project, "customFields", rows));
        var table = new MarkdownTable("ID", "Name", "Kind", "Required", "Items");
        foreach (var f in fields)
            table.Row(f.Id.ToString(CultureInfo.InvariantCulture), f.Name, Kind(f.TypeId), f.Required ? "yes" : "no", NulabFormat.OrNone(NulabFormat.Join((f.Items ?? []).Select(i => i.Name))));
        return new ToolOutput(text + table, ProjectArgument.Rows(project, "customFields", rows));
    }

    private static string Kind(int typeId) => typeId >= 1 && typeId < Kinds.Length ? Kinds[typeId] : $"type {typeId}";
}
