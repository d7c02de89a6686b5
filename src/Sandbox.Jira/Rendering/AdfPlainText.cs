using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Jira.Rendering;

/// <summary>The words of a stored document, as Jira indexes them for <c>text ~</c> and prints them in changelog strings:
/// the text of every node, blocks on their own lines, no markup.</summary>
internal static class AdfPlainText
{
    public static string Of(JsonNode? document)
    {
        var output = new StringBuilder();
        Walk(document, output);
        return output.ToString().Trim('\n');
    }

    private static void Walk(JsonNode? node, StringBuilder output)
    {
        switch (Doc.Type(node))
        {
            case "text":
                output.Append(Doc.TextOf(node));
                return;
            case "hardBreak":
                output.Append('\n');
                return;
            case "mention" or "status" or "emoji":
                output.Append(Doc.Attr(node, "text") ?? Doc.Attr(node, "shortName") ?? "");
                return;
            case "inlineCard":
                output.Append(Doc.Attr(node, "url"));
                return;
        }
        foreach (var child in Doc.Children(node)) Walk(child, output);
        if (Doc.Type(node) is "paragraph" or "heading" or "codeBlock" or "listItem" or "taskItem" or "tableCell" or "tableHeader" && output.Length > 0 && output[^1] != '\n')
            output.Append('\n');
    }
}
