using System.Text.Json.Nodes;
using BacklogJira.Core.Text;

namespace Sandbox.Jira.Http;

/// <summary>The ADF rules Jira enforces on write (docs/reference/jira.md §3.1–3.2) that a converter is most likely to break.</summary>
internal static class AdfValidator
{
    public static void Validate(JsonObject doc, string field)
    {
        foreach (var node in Adf.ContentOf(doc)) Visit(node, field);
    }

    private static void Visit(JsonNode node, string field)
    {
        var type = Adf.TypeOf(node);
        if (type.Length == 0) Fail(field, "a node has no type");
        if (type == "text" && Adf.TextOf(node).Length == 0) Fail(field, "text nodes must not be empty");
        if (type == "taskItem" && Adf.ContentOf(node).Any(c => Adf.TypeOf(c) == "paragraph"))
            Fail(field, "taskItem content must be inline nodes");
        if (type == "listItem" && Adf.ContentOf(node) is { Count: > 0 } items && Adf.TypeOf(items[0]) is not ("paragraph" or "codeBlock" or "mediaSingle"))
            Fail(field, "listItem must start with a paragraph");
        if (type == "taskItem" && Adf.AttrString(node, "state") is not ("TODO" or "DONE"))
            Fail(field, "taskItem state must be TODO or DONE");
        var marks = Adf.MarksOf(node);
        if (marks.Any(m => Adf.TypeOf(m) == "code") && marks.Any(m => Adf.TypeOf(m) is not ("code" or "link")))
            Fail(field, "the code mark can only be combined with link");
        foreach (var child in Adf.ContentOf(node)) Visit(child, field);
    }

    private static void Fail(string field, string reason) =>
        throw JiraApiException.Field(field, "INVALID_INPUT: " + reason);
}
