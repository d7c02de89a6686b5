using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>backlog_get_users (docs/reference/nulab-backlog.md §1.6.9): project members, filtered here by keyword. Unlike the
/// reference, the keyword also matches without accents ("nguyen" finds "Nguyễn").</summary>
public sealed class GetUsersTool : NulabTool
{
    public override string Toolset => Toolsets.Space;

    public override string Name => "backlog_get_users";

    public override string Title => "List a project's members";

    public override string Description => "List a project's members with id, user id, name, email and role; keyword filters by name or user id (case and accents ignored). Use the ids for assigneeId.";

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["keyword"] = Schema.Text("Part of a name or user id."),
    }, ProjectArgument.Name);

    public override JsonObject OutputSchema => ProjectArgument.RowsSchema("users", Schema.Output(new JsonObject
    {
        ["id"] = Schema.Type("integer"), ["userId"] = Schema.Nullable("string"), ["name"] = Schema.Nullable("string"),
        ["mailAddress"] = Schema.Nullable("string"), ["role"] = Schema.Type("string"),
    }, "id"));

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var keyword = args.Text("keyword")?.Trim();
        var all = await context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(project)}/users", null, NulabJsonContext.Default.ListNulabUser, cancellationToken);
        var folded = string.IsNullOrEmpty(keyword) ? null : TextFolding.Fold(keyword);
        var users = folded is null ? all : all.Where(u => Matches(u.Name, folded) || Matches(u.UserId, folded)).ToList();
        var rows = new JsonArray([.. users.Select(u => (JsonNode)new JsonObject
        {
            ["id"] = u.Id, ["userId"] = u.UserId, ["name"] = u.Name, ["mailAddress"] = u.MailAddress, ["role"] = NulabFormat.Role(u.RoleType),
        })]);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# Backlog Project Members\n\n**Project:** {project}\n");
        if (!string.IsNullOrEmpty(keyword)) text.Append(CultureInfo.InvariantCulture, $"**Filter:** keyword=\"{keyword}\"\n");
        text.Append(CultureInfo.InvariantCulture, $"**Total:** {users.Count} user(s)\n\n");
        if (users.Count == 0) return new ToolOutput(text.Append("_No users found matching your criteria._").ToString(), ProjectArgument.Rows(project, "users", rows));
        var table = new MarkdownTable("ID", "User ID", "Name", "Email", "Role");
        foreach (var u in users) table.Row(u.Id.ToString(CultureInfo.InvariantCulture), NulabFormat.OrNone(u.UserId), NulabFormat.OrNone(u.Name), NulabFormat.OrNone(u.MailAddress), NulabFormat.Role(u.RoleType));
        text.Append(table).Append(NextHints.Block(
            ($"backlog_get_issue_list(projectIdOrKey: {NextHints.Quote(project)}, assigneeId: [{users[0].Id}])", $"issues assigned to {users[0].Name}"),
            ($"backlog_get_issue_list(projectIdOrKey: {NextHints.Quote(project)})", "the project's issues")));
        return new ToolOutput(text.ToString(), ProjectArgument.Rows(project, "users", rows));
    }

    private static bool Matches(string? text, string foldedKeyword) => text is not null && TextFolding.Fold(text).Contains(foldedKeyword, StringComparison.Ordinal);
}
