using System.Text.Json.Nodes;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Formatting;

namespace BacklogMcp.Core.Tools;

/// <summary>Adds a version/milestone to a project (Nulab's server's add_version_milestone; Backlog's
/// <c>POST /projects/:p/versions</c>). Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class AddVersionMilestoneTool : NulabTool
{
    public override string Name => "backlog_add_version_milestone";

    public override string Title => "Add a milestone";

    public override string Description => "Create a version/milestone in a project, with optional description, start date and release due date (yyyy-MM-dd).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["name"] = Schema.Text("The milestone's name (unique in the project).", 1),
        ["description"] = Schema.Text("What it is for."),
        ["startDate"] = Schema.Text("yyyy-MM-dd"),
        ["releaseDueDate"] = Schema.Text("yyyy-MM-dd"),
    }, ProjectArgument.Name, "name");

    public override JsonObject OutputSchema => Versions.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var form = new WriteForm().Add("name", args.RequiredString("name").Trim()).Add("description", args.Text("description"))
            .Add("startDate", args.Date("startDate")).Add("releaseDueDate", args.Date("releaseDueDate"));
        var version = await context.Api.SendFormAsync(HttpMethod.Post, $"/api/v2/projects/{ToolContext.Segment(project)}/versions", form.Fields, NulabJsonContext.Default.NulabVersion, cancellationToken);
        return new ToolOutput($"# Milestone Added\n\n{Versions.Line(version)}", Versions.Of(version));
    }
}

/// <summary>Edits a version/milestone (Nulab's server's update_version_milestone). Backlog's edit requires the name: when
/// none is given, the current one is sent. Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class UpdateVersionMilestoneTool : NulabTool
{
    public override string Name => "backlog_update_version_milestone";

    public override string Title => "Edit a milestone";

    public override string Description => "Rename a version/milestone, change its description or dates (yyyy-MM-dd; empty clears a date), or archive it.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: true);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["versionId"] = Schema.WholeNumber("The milestone's id (backlog_get_milestones).", 1),
        ["name"] = Schema.Text("A new name."),
        ["description"] = Schema.Text("A new description."),
        ["startDate"] = Schema.Text("yyyy-MM-dd, or empty to clear."),
        ["releaseDueDate"] = Schema.Text("yyyy-MM-dd, or empty to clear."),
        ["archived"] = Schema.Bool("true archives it, false brings it back."),
    }, ProjectArgument.Name, "versionId");

    public override JsonObject OutputSchema => Versions.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var id = args.WholeNumber("versionId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("versionId is required.");
        var path = $"/api/v2/projects/{ToolContext.Segment(project)}/versions";
        var name = args.Text("name")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            var all = await context.Api.GetAsync(path, null, NulabJsonContext.Default.ListNulabVersion, cancellationToken);
            name = all.Find(v => v.Id == id)?.Name ?? throw ToolArgs.Invalid($"project {project} has no milestone {id}; backlog_get_milestones with archived: true lists them.");
        }
        var form = new WriteForm().Add("name", name).Add("description", args.Text("description"));
        foreach (var day in new[] { "startDate", "releaseDueDate" })
            if (args.Text(day) is { } text) form.Add(day, text.Trim().Length == 0 ? "" : args.Date(day));
        if (args.Bool("archived") is { } archived) form.Add("archived", archived ? "true" : "false");
        var version = await context.Api.SendFormAsync(HttpMethod.Patch, $"{path}/{id}", form.Fields, NulabJsonContext.Default.NulabVersion, cancellationToken);
        return new ToolOutput($"# Milestone Updated\n\n{Versions.Line(version)}", Versions.Of(version));
    }
}

/// <summary>Deletes a version/milestone (Nulab's server's delete_version); issues keep existing, without it. Only when
/// BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class DeleteVersionTool : NulabTool
{
    public override string Name => "backlog_delete_version";

    public override string Title => "Delete a milestone";

    public override string Description => "Delete a version/milestone; the issues in it stay, without it. Archiving (backlog_update_version_milestone) keeps it instead.";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject
    {
        [ProjectArgument.Name] = ProjectArgument.Schema(),
        ["versionId"] = Schema.WholeNumber("The milestone's id (backlog_get_milestones).", 1),
    }, ProjectArgument.Name, "versionId");

    public override JsonObject OutputSchema => Versions.Schema;

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var project = ProjectArgument.Read(args);
        var id = args.WholeNumber("versionId", 1, int.MaxValue) ?? throw ToolArgs.Invalid("versionId is required.");
        var version = await context.Api.SendFormAsync(HttpMethod.Delete, $"/api/v2/projects/{ToolContext.Segment(project)}/versions/{id}", [], NulabJsonContext.Default.NulabVersion, cancellationToken);
        return new ToolOutput($"# Milestone Deleted\n\n{Versions.Line(version)}", Versions.Of(version));
    }
}

/// <summary>Deletes an issue (Nulab's server's delete_issue): its comments, attachments and links go with it, which
/// cannot be undone. Only when BACKLOG_ENABLE_WRITES=true.</summary>
public sealed class DeleteIssueTool : NulabTool
{
    public override string Name => "backlog_delete_issue";

    public override string Title => "Delete an issue";

    public override string Description => "Delete an issue with its comments and attachments. This cannot be undone: prefer closing it (backlog_update_issue with a status).";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: true, Idempotent: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["issueIdOrKey"] = RelatedIssues.IssueSchema }, "issueIdOrKey");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject { ["deleted"] = IssueJson.Schema() }, "deleted");

    protected override async Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var reference = args.RequiredString("issueIdOrKey").Trim();
        var issue = await context.Api.SendFormAsync(HttpMethod.Delete, $"/api/v2/issues/{ToolContext.Segment(reference)}", [], NulabJsonContext.Default.NulabIssue, cancellationToken);
        return new ToolOutput($"# Issue Deleted\n\n**{issue.IssueKey}** ({issue.Summary}) was deleted.", new JsonObject { ["deleted"] = IssueJson.Of(issue, context.IssueUrl(issue.IssueKey)) });
    }
}

/// <summary>A version/milestone in the answers of the milestone writes.</summary>
internal static class Versions
{
    public static JsonObject Schema => Tools.Schema.Output(new JsonObject
    {
        ["id"] = Tools.Schema.Type("integer"), ["name"] = Tools.Schema.Nullable("string"), ["description"] = Tools.Schema.Nullable("string"),
        ["startDate"] = Tools.Schema.Nullable("string"), ["releaseDueDate"] = Tools.Schema.Nullable("string"), ["archived"] = Tools.Schema.Type("boolean"),
    }, "id", "name", "archived");

    public static JsonObject Of(NulabVersion v) => new()
    {
        ["id"] = v.Id, ["name"] = v.Name, ["description"] = v.Description, ["startDate"] = v.StartDate, ["releaseDueDate"] = v.ReleaseDueDate, ["archived"] = v.Archived,
    };

    public static string Line(NulabVersion v) =>
        $"**{v.Name}** (id {v.Id}): {NulabFormat.Day(v.StartDate)} → {NulabFormat.Day(v.ReleaseDueDate)}{(v.Archived ? ", archived" : "")}";
}
