using System.Text.Json.Nodes;

namespace BacklogMcp.Core.Tools;

/// <summary>The project and repository (and pull request number) the git tools take, and their API paths.</summary>
public static class RepositoryArguments
{
    public const string Repository = "repoIdOrName";
    public const string Number = "number";

    public static JsonObject With(JsonObject more, bool number = false)
    {
        var properties = new JsonObject
        {
            [ProjectArgument.Name] = ProjectArgument.Schema(),
            [Repository] = Schema.Text("The repository's name (e.g. \"api\") or numeric id; backlog_get_git_repositories lists them.", 1),
        };
        if (number) properties[Number] = Schema.WholeNumber("The pull request's number in the repository (as in #3).", 1);
        foreach (var (name, value) in more.ToList())
        {
            more.Remove(name);
            properties[name] = value;
        }
        return properties;
    }

    public static string[] Required(bool number = false) => number ? [ProjectArgument.Name, Repository, Number] : [ProjectArgument.Name, Repository];

    /// <summary>The repository's path, and its display name.</summary>
    public static (string Path, string Shown) Read(ToolArgs args)
    {
        var project = ProjectArgument.Read(args);
        var repository = args.RequiredString(Repository);
        return ($"/api/v2/projects/{ToolContext.Segment(project)}/git/repositories/{ToolContext.Segment(repository)}", $"{project}/{repository.Trim()}");
    }

    public static int ReadNumber(ToolArgs args) => args.WholeNumber(Number, 1, int.MaxValue) ?? throw ToolArgs.Invalid($"{Number} is required.");

    /// <summary>Pull request statuses by id or name: 1 Open, 2 Closed, 3 Merged (fixed in Backlog).</summary>
    public static IReadOnlyList<int> Statuses(ToolArgs args)
    {
        var (ids, names) = args.IdsOrNames("statusId");
        var named = names.Select(n => n.ToLowerInvariant() switch
        {
            "open" => 1,
            "closed" => 2,
            "merged" => 3,
            _ => throw ToolArgs.Invalid($"statusId \"{n}\" is not a pull request status; use 1 Open, 2 Closed or 3 Merged."),
        });
        var all = ids.Concat(named).Distinct().ToList();
        return all.FirstOrDefault(id => id is < 1 or > 3) is var bad && bad != 0 ? throw ToolArgs.Invalid($"statusId {bad} is not a pull request status; use 1 Open, 2 Closed or 3 Merged.") : all;
    }

    public static JsonObject StatusSchema => Schema.IdOrNameList("Pull request statuses by id or name: 1 Open, 2 Closed, 3 Merged.");
}
