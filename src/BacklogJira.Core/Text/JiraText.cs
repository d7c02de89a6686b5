using System.Text.Json.Nodes;

namespace BacklogJira.Core.Text;

/// <summary>The conversions the Jira client needs, with ADF as the hub: Markdown ⇄ ADF for Cloud v3 and
/// Markdown ⇄ wiki markup (through ADF) for REST v2.</summary>
public static class JiraText
{
    public static JsonObject? MarkdownToAdf(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? null : Text.MarkdownToAdf.Convert(markdown);

    public static string AdfToMarkdown(JsonNode? document) => Text.AdfToMarkdown.Convert(document);

    public static string? MarkdownToWiki(string? markdown, bool mentionsByAccountId) =>
        string.IsNullOrWhiteSpace(markdown) ? null : AdfToWiki.Convert(Text.MarkdownToAdf.Convert(markdown), mentionsByAccountId);

    public static string WikiToMarkdown(string? wiki) =>
        string.IsNullOrEmpty(wiki) ? "" : Text.AdfToMarkdown.Convert(WikiToAdf.Convert(wiki));
}
