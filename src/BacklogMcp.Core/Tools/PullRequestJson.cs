using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>A pull request in the git tools' structured answers.</summary>
internal static class PullRequestJson
{
    public static JsonObject Schema() => Tools.Schema.Output(new JsonObject
    {
        ["number"] = Tools.Schema.Type("integer"), ["summary"] = Tools.Schema.Nullable("string"), ["status"] = Tools.Schema.Nullable("string"),
        ["base"] = Tools.Schema.Nullable("string"), ["branch"] = Tools.Schema.Nullable("string"), ["assignee"] = Tools.Schema.Nullable("string"),
        ["issueKey"] = Tools.Schema.Nullable("string"), ["createdBy"] = Tools.Schema.Nullable("string"), ["created"] = Tools.Schema.Nullable("string"),
        ["updated"] = Tools.Schema.Nullable("string"),
    }, "number", "summary", "status");

    public static JsonObject Of(NulabPullRequest p) => new()
    {
        ["number"] = p.Number, ["summary"] = p.Summary, ["status"] = p.Status?.Name, ["base"] = p.Base, ["branch"] = p.Branch, ["assignee"] = p.Assignee?.Name,
        ["issueKey"] = p.Issue?.IssueKey, ["createdBy"] = p.CreatedUser?.Name, ["created"] = p.Created, ["updated"] = p.Updated,
    };
}
