using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Ports;
using BacklogJira.Core.Text;

namespace BacklogJira.Jira.Wire;

/// <summary>Reads Jira's JSON (docs/reference/jira.md §2) into the port's records. Rich text becomes Markdown; its
/// fingerprint is taken from Jira's own form (normalised ADF, or the wiki string).</summary>
/// <summary>The ids of Jira Software's fields an issue read asks for, where this site has them: Data Center's Epic
/// Link, and the Sprint field when milestones are sprints.</summary>
internal sealed record IssueFieldIds(string? EpicLink, string? Sprint);

internal static class JiraReader
{
    /// <summary>The fields every read asks for; nothing more, so pages stay at Jira's 100-issue maximum.</summary>
    public static readonly string[] IssueFields =
        ["summary", "description", "status", "assignee", "reporter", "priority", "labels", "issuetype", "project", "parent", "resolution", "duedate", "fixVersions", "created", "updated"];

    public static JiraField Field(JsonNode? json) => new(Text(json?["id"]) ?? "", Text(json?["name"]) ?? "", json?["custom"]?.GetValueKind() == JsonValueKind.True,
        Text(json?["schema"]?["type"]), Text(json?["schema"]?["items"]), Text(json?["schema"]?["custom"]));

    /// <summary>A remote link as <c>GET /issue/{key}/remotelink</c> gives it; null without a URL (an application link
    /// to an object with none), which the references field cannot hold.</summary>
    public static JiraRemoteLink? RemoteLink(JsonNode? json) =>
        Text(json?["object"]?["url"]) is { Length: > 0 } url
            ? new JiraRemoteLink(Text(json?["globalId"]), url, Text(json?["object"]?["title"]) ?? url) { Id = Text(json?["id"]) }
            : null;

    /// <summary>The plugin key of Jira Software's Epic Link field (Data Center).</summary>
    public const string EpicLinkType = "com.pyxis.greenhopper.jira:gh-epic-link";

    /// <summary>The issue; <paramref name="requested"/> names the fields asked for, so a custom field Jira left out is
    /// told apart from one it returned empty.</summary>
    public static JiraIssue Issue(JsonNode json, JiraDeployment deployment, IReadOnlyList<string>? requested = null, IssueFieldIds? ids = null)
    {
        var fields = json["fields"] as JsonObject ?? [];
        var (description, fingerprint) = Description(fields["description"], deployment);
        return new JiraIssue
        {
            Id = Text(json["id"]) ?? "",
            Key = Text(json["key"]) ?? "",
            ProjectKey = Text(fields["project"]?["key"]) ?? "",
            IssueType = Text(fields["issuetype"]?["name"]) ?? "",
            Summary = Text(fields["summary"]) ?? "",
            Description = description,
            DescriptionFingerprint = fingerprint,
            Status = Status(fields["status"]) ?? new JiraStatus("", "", "undefined"),
            Assignee = User(fields["assignee"]),
            Reporter = User(fields["reporter"]),
            Priority = fields["priority"] is JsonObject priority ? new JiraPriority(Text(priority["id"]) ?? "", Text(priority["name"]) ?? "") : null,
            Labels = [.. (fields["labels"] as JsonArray ?? []).Select(l => Text(l) ?? "").Where(l => l.Length > 0)],
            ParentKey = Text(fields["parent"]?["key"]),
            EpicKey = ids?.EpicLink is { } epicLink ? Text(fields[epicLink]) : null,
            Sprints = ids?.Sprint is { } sprint ? SprintValues.Parse(fields[sprint]) : null,
            IsSubtask = fields["issuetype"]?["subtask"]?.GetValueKind() == JsonValueKind.True,
            Resolution = Text(fields["resolution"]?["name"]),
            DueDate = Text(fields["duedate"]),
            FixVersions = [.. (fields["fixVersions"] as JsonArray ?? []).Select(v => Text(v?["name"]) ?? "").Where(v => v.Length > 0)],
            CustomFields = CustomFields(fields, requested),
            Links = requested?.Contains("issuelinks") == true ? IssueLinks(fields["issuelinks"]) : null,
            Created = JiraTimestamp.ParseOrNull(Text(fields["created"])) ?? default,
            Updated = JiraTimestamp.ParseOrNull(Text(fields["updated"])) ?? default,
        };
    }

    private static Dictionary<string, JsonNode?> CustomFields(JsonObject fields, IReadOnlyList<string>? requested)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var id in requested ?? [])
        {
            if (!IssueFields.Contains(id, StringComparer.Ordinal) && fields.TryGetPropertyValue(id, out var value)) values[id] = value?.DeepClone();
        }
        return values;
    }

    public static (string Markdown, string Fingerprint) Description(JsonNode? value, JiraDeployment deployment)
    {
        if (value is null) return ("", Hash(""));
        if (value is JsonObject adf) return (JiraText.AdfToMarkdown(adf), Hash(AdfNormalizer.Normalize(adf)?.ToJsonString() ?? ""));
        var wiki = Text(value) ?? "";
        return (JiraText.WikiToMarkdown(wiki), Hash(wiki.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    public static JiraVersion Version(JsonObject json) =>
        new(Text(json["id"]) ?? "", Text(json["name"]) ?? "", json["released"]?.GetValueKind() == JsonValueKind.True, json["archived"]?.GetValueKind() == JsonValueKind.True);

    public static JiraStatus? Status(JsonNode? json) =>
        json is JsonObject status
            ? new JiraStatus(Text(status["id"]) ?? "", Text(status["name"]) ?? "", Text(status["statusCategory"]?["key"]) ?? "undefined")
            : null;

    public static JiraUser? User(JsonNode? json) =>
        json is JsonObject user
            ? new JiraUser(Text(user["accountId"]), Text(user["name"]), Text(user["key"]), Text(user["displayName"]) ?? "",
                Text(user["emailAddress"]), user["active"]?.GetValueKind() != JsonValueKind.False, Text(user["timeZone"]))
            : null;

    public static JiraComment Comment(JsonNode json, JiraDeployment deployment) => new(
        Text(json["id"]) ?? "",
        Description(json["body"], deployment).Markdown,
        User(json["author"]),
        JiraTimestamp.ParseOrNull(Text(json["created"])) ?? default,
        JiraTimestamp.ParseOrNull(Text(json["updated"])) ?? default);

    /// <summary>The <c>issuelinks</c> field: each link with the other issue, under <c>outwardIssue</c> when this issue
    /// holds the outward phrase.</summary>
    public static List<JiraIssueLink> IssueLinks(JsonNode? json) =>
        [.. (json as JsonArray ?? []).OfType<JsonObject>().Select(link =>
        {
            var outward = link["outwardIssue"] is JsonObject;
            var other = outward ? link["outwardIssue"] : link["inwardIssue"];
            return Text(link["id"]) is { } id && Text(other?["key"]) is { } key
                ? new JiraIssueLink(id, Text(link["type"]?["name"]) ?? "", outward, Text(other?["id"]) ?? "", key)
                : null;
        }).OfType<JiraIssueLink>()];

    public static string? Text(JsonNode? node) =>
        node is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
