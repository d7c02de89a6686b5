using System.Globalization;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_myself, as Nulab's server names it: the user the API key acts as (whom "me" means in filters).</summary>
public sealed class GetMyselfTool : NulabTool
{
    public override string Toolset => Toolsets.Space;

    public override string Name => "backlog_get_myself";

    public override string Title => "Show the API key's user";

    public override string Description => "Show the user this API key acts as: id, user id, name and e-mail. \"me\" in backlog_get_issue_list's assigneeId means this user.";

    public override JsonObject InputSchema => Schema.Input([]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"),
        ["userId"] = Schema.Nullable("string"),
        ["name"] = Schema.Nullable("string"),
        ["mailAddress"] = Schema.Nullable("string"),
    }, "id");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var me = await context.Api.GetAsync("/api/v2/users/myself", null, NulabJsonContext.Default.NulabUser, cancellationToken);
        var structured = new JsonObject { ["id"] = me.Id, ["userId"] = me.UserId, ["name"] = me.Name, ["mailAddress"] = me.MailAddress };
        var details = new MarkdownTable("Field", "Value");
        details.Row("ID", me.Id.ToString(CultureInfo.InvariantCulture));
        details.Row("User ID", NulabFormat.OrNone(me.UserId));
        details.Row("E-mail", NulabFormat.OrNone(me.MailAddress));
        var text = $"# Myself — {me.Name}\n\n{details}" + NextHints.Block(("backlog_get_issue_list(assigneeId: [\"me\"])", "the issues assigned to you"));
        return new ToolOutput(text, structured);
    }
}
