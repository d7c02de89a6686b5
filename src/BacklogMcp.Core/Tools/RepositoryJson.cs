using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>A repository in the git tools' structured answers.</summary>
internal static class RepositoryJson
{
    public static JsonObject Schema() => Tools.Schema.Output(new JsonObject
    {
        ["id"] = Tools.Schema.Type("integer"), ["name"] = Tools.Schema.Nullable("string"), ["description"] = Tools.Schema.Nullable("string"),
        ["httpUrl"] = Tools.Schema.Nullable("string"), ["sshUrl"] = Tools.Schema.Nullable("string"), ["pushedAt"] = Tools.Schema.Nullable("string"),
    }, "id", "name");

    public static JsonObject Of(NulabRepository r) => new()
    {
        ["id"] = r.Id, ["name"] = r.Name, ["description"] = r.Description, ["httpUrl"] = r.HttpUrl, ["sshUrl"] = r.SshUrl, ["pushedAt"] = r.PushedAt,
    };
}
