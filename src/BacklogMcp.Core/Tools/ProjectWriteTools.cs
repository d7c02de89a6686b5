using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>Creates a project (Nulab's server's add_project; Backlog's <c>POST /projects</c>, space administrators
/// only). Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddProjectTool : NulabTool
{
    public override string Name => "backlog_add_project";

    public override string Title => "Create a project";

    public override string Description => "Create a project with a key (upper-case letters, digits, underscores; e.g. \"WEB\") and a name. Needs a space administrator's API key.";

    public override string Toolset => Toolsets.Project;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        ["key"] = Schema.Text("The project key, e.g. \"WEB\": it prefixes every issue key.", 1),
        ["name"] = Schema.Text("The project's name.", 1),
        ["textFormattingRule"] = Schema.Enum("How its texts are written: markdown (default) or backlog.", ["markdown", "backlog"]),
    }, "key", "name");

    public override JsonObject OutputSchema => Projects.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var form = new WriteForm().Add("key", args.RequiredString("key").Trim()).Add("name", args.RequiredString("name").Trim())
            .Add("textFormattingRule", args.Choice("textFormattingRule", ["markdown", "backlog"]) ?? "markdown");
        var project = await context.Api.SendFormAsync(HttpMethod.Post, "/api/v2/projects", form.Fields, NulabJsonContext.Default.NulabProject, cancellationToken);
        return new ToolOutput($"# Project Created\n\n{Projects.Line(project)}", Projects.Of(project));
    }
}

/// <summary>Edits a project: its name, key, text formatting rule, or archived state (Nulab's server's update_project).
/// Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdateProjectTool : NulabTool
{
    public override string Name => "backlog_update_project";

    public override string Title => "Edit a project";

    public override string Description => "Rename a project, change its key (every issue key changes with it) or text formatting rule, or archive it.";

    public override string Toolset => Toolsets.Project;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["name"] = Schema.Text("A new name."),
        ["key"] = Schema.Text("A new key (every issue key changes with it)."),
        ["textFormattingRule"] = Schema.Enum("markdown or backlog.", ["markdown", "backlog"]),
        ["archived"] = Schema.Bool("true archives it, false brings it back."),
    }, ProjectArgument.Name);

    public override JsonObject OutputSchema => Projects.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var form = new WriteForm().Add("name", args.Text("name")?.Trim()).Add("key", args.Text("key")?.Trim())
            .Add("textFormattingRule", args.Choice("textFormattingRule", ["markdown", "backlog"]));
        if (args.Bool("archived") is { } archived) form.Add("archived", archived ? "true" : "false");
        if (form.IsEmpty) throw ToolArgs.Invalid("nothing to change: give name, key, textFormattingRule or archived.");
        var updated = await context.Api.SendFormAsync(HttpMethod.Patch, $"/api/v2/projects/{ToolContext.Segment(project)}", form.Fields, NulabJsonContext.Default.NulabProject, cancellationToken);
        return new ToolOutput($"# Project Updated\n\n{Projects.Line(updated)}", Projects.Of(updated));
    }
}

/// <summary>Deletes a project with all its issues, wiki pages and files (Nulab's server's delete_project). Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class DeleteProjectTool : NulabTool
{
    public override string Name => "backlog_delete_project";

    public override string Title => "Delete a project";

    public override string Description => "Delete a project with every issue, wiki page and file in it. This cannot be undone: prefer archiving it (backlog_update_project with archived).";

    public override string Toolset => Toolsets.Project;

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject { [ProjectArgument.Name] = ProjectArgument.Schema() }, ProjectArgument.Name);

    public override JsonObject OutputSchema => Projects.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var deleted = await context.Api.SendFormAsync(HttpMethod.Delete, $"/api/v2/projects/{ToolContext.Segment(project)}", [], NulabJsonContext.Default.NulabProject, cancellationToken);
        return new ToolOutput($"# Project Deleted\n\n{Projects.Line(deleted)} and everything in it were deleted.", Projects.Of(deleted));
    }
}

/// <summary>A project in the answers of the project writes.</summary>
internal static class Projects
{
    public static JsonObject Schema => Tools.Schema.Output(new JsonObject
    {
        ["id"] = Tools.Schema.Type("integer"), ["projectKey"] = Tools.Schema.Nullable("string"), ["name"] = Tools.Schema.Nullable("string"),
        ["archived"] = Tools.Schema.Type("boolean"), ["textFormattingRule"] = Tools.Schema.Nullable("string"),
    }, "id", "projectKey", "name", "archived");

    public static JsonObject Of(NulabProject p) => new()
    {
        ["id"] = p.Id, ["projectKey"] = p.ProjectKey, ["name"] = p.Name, ["archived"] = p.Archived, ["textFormattingRule"] = p.TextFormattingRule,
    };

    public static string Line(NulabProject p) => $"**{p.ProjectKey}** {p.Name} (id {p.Id}{(p.Archived ? ", archived" : "")})";
}
