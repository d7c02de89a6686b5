using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Jira.Rendering;

namespace Sandbox.Jira.Http;

/// <summary>Rich text at the version boundary: Cloud stores ADF and converts for v2 (lossy, as Jira is, with the sandbox's own renderer in Rendering/); Data Center
/// stores wiki strings verbatim (docs/reference/jira.md §3.4).</summary>
internal static class RichText
{
    public static JsonNode? FromRequest(JsonNode? value, ApiContext context, string field)
    {
        if (value is null) return null;
        if (context.Version == 3)
        {
            if (value is not JsonObject doc || Doc.Type(doc) != "doc")
                throw JiraApiException.Field(field, "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
            AdfValidator.Validate(doc, field);
            return doc.DeepClone();
        }
        if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            throw JiraApiException.Field(field, "Operation value must be a string");
        var wiki = text.GetValue<string>();
        if (wiki.Length == 0) return null;
        return context.IsCloud ? WikiRenderer.Render(wiki) : JsonValue.Create(wiki);
    }

    public static JsonNode? ToResponse(JsonNode? stored, ApiContext context)
    {
        if (stored is null) return null;
        if (!context.IsCloud) return stored.DeepClone();
        return context.Version == 3 ? stored.DeepClone() : JsonValue.Create(AdfWikiWriter.Write(stored));
    }

    /// <summary>Plain text of a stored value, for changelog strings and <c>text ~</c> search.</summary>
    public static string PlainText(JsonNode? stored, bool isCloud) =>
        stored is null ? "" : isCloud ? AdfPlainText.Of(stored) : stored.GetValue<string>();
}
