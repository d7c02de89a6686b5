using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>Whose watching list the watching tools read: a user id, or by default the user this API key acts as.</summary>
internal static class WatchingArguments
{
    public static JsonObject With(JsonObject more)
    {
        var properties = new JsonObject
        {
            ["userId"] = Schema.WholeNumber("The user's numeric id (backlog_get_users); default: the user this API key acts as.", 1),
            ["resourceAlreadyRead"] = Schema.Bool("Only issues opened (true) or not opened (false) since they last changed."),
        };
        foreach (var (name, value) in more.ToList())
        {
            more.Remove(name);
            properties[name] = value;
        }
        return properties;
    }

    public static async Task<int> UserAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken) =>
        args.WholeNumber("userId", 1, int.MaxValue) ?? (await context.Api.GetAsync("/api/v2/users/myself", null, NulabJsonContext.Default.NulabUser, cancellationToken)).Id;
}
