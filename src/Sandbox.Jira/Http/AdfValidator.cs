using System.Text.Json.Nodes;
using Sandbox.Jira.Rendering;

namespace Sandbox.Jira.Http;

/// <summary>The ADF rules Jira enforces on write (docs/reference/jira.md §3.1–3.2) that a converter is most likely to break.</summary>
internal static class AdfValidator
{
    public static void Validate(JsonObject doc, string field)
    {
        foreach (var node in Doc.Children(doc)) Visit(node, field);
    }

    private static void Visit(JsonNode node, string field)
    {
        var type = Doc.Type(node);
        if (type.Length == 0) Fail(field, "a node has no type");
        if (type == "text" && Doc.TextOf(node).Length == 0) Fail(field, "text nodes must not be empty");
        if (type == "taskItem" && Doc.Children(node).Any(c => Doc.Type(c) == "paragraph"))
            Fail(field, "taskItem content must be inline nodes");
        if (type == "listItem" && Doc.Children(node) is { Count: > 0 } items && Doc.Type(items[0]) is not ("paragraph" or "codeBlock" or "mediaSingle"))
            Fail(field, "listItem must start with a paragraph");
        if (type == "taskItem" && Doc.Attr(node, "state") is not ("TODO" or "DONE"))
            Fail(field, "taskItem state must be TODO or DONE");
        var marks = Doc.Marks(node);
        if (marks.Any(m => Doc.Type(m) == "code") && marks.Any(m => Doc.Type(m) is not ("code" or "link")))
            Fail(field, "the code mark can only be combined with link");
        foreach (var child in Doc.Children(node)) Visit(child, field);
    }

    private static void Fail(string field, string reason) =>
        throw JiraApiException.Field(field, "INVALID_INPUT: " + reason);
}
