using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>
/// Category, milestone and assignee names to ids (issue 20: a name was silently dropped, so "my issues" listed
/// everyone's). Numbers are ids; names are looked up in the projects' own lists (categories, versions, members),
/// case- and width-insensitively; <c>me</c> is the API key's user. A name no list holds is an error that lists the
/// names there are; a name without a project to look in is an error that says to give one.
/// </summary>
public static class NamedIdResolver
{
    public static async Task<IReadOnlyList<int>> CategoriesAsync(ToolContext context, (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) asked, IReadOnlyList<int> projects,
        CancellationToken cancellationToken) =>
        await ResolveAsync(asked, projects, "categoryId", "category", "backlog_get_categories",
            async project => (await context.Api.GetAsync($"/api/v2/projects/{project}/categories", null, NulabJsonContext.Default.ListNulabCategory, cancellationToken))
                .Select(c => (c.Id, Names: (IReadOnlyList<string?>)[c.Name])));

    public static async Task<IReadOnlyList<int>> MilestonesAsync(ToolContext context, (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) asked, IReadOnlyList<int> projects,
        CancellationToken cancellationToken) =>
        await ResolveAsync(asked, projects, "milestoneId", "milestone", "backlog_get_milestones",
            async project => (await context.Api.GetAsync($"/api/v2/projects/{project}/versions", null, NulabJsonContext.Default.ListNulabVersion, cancellationToken))
                .Select(v => (v.Id, Names: (IReadOnlyList<string?>)[v.Name])));

    public static async Task<IReadOnlyList<int>> AssigneesAsync(ToolContext context, (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) asked, IReadOnlyList<int> projects,
        CancellationToken cancellationToken)
    {
        var ids = new List<int>(asked.Ids);
        var names = new List<string>();
        foreach (var name in asked.Names)
        {
            if (string.Equals(name, "me", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "myself", StringComparison.OrdinalIgnoreCase))
                ids.Add((await context.Api.GetAsync("/api/v2/users/myself", null, NulabJsonContext.Default.NulabUser, cancellationToken)).Id);
            else names.Add(name);
        }
        ids.AddRange(await ResolveAsync(([], names), projects, "assigneeId", "member", "backlog_get_users",
            async project => (await context.Api.GetAsync($"/api/v2/projects/{project}/users", null, NulabJsonContext.Default.ListNulabUser, cancellationToken))
                .Select(u => (u.Id, Names: (IReadOnlyList<string?>)[u.Name, u.UserId]))));
        return [.. ids.Distinct()];
    }

    private static async Task<IReadOnlyList<int>> ResolveAsync((IReadOnlyList<int> Ids, IReadOnlyList<string> Names) asked, IReadOnlyList<int> projects,
        string argument, string noun, string listTool, Func<int, Task<IEnumerable<(int Id, IReadOnlyList<string?> Names)>>> list)
    {
        if (asked.Names.Count == 0) return asked.Ids;
        if (projects.Count == 0)
            throw ToolArgs.Invalid($"{argument} names ({string.Join(", ", asked.Names)}) need projectIdOrKey, because each project has its own {noun} list; or pass ids ({listTool} lists them).");
        var entries = (await Task.WhenAll(projects.Select(list))).SelectMany(e => e).ToList();
        var ids = new List<int>(asked.Ids);
        foreach (var name in asked.Names)
        {
            var matches = entries.Where(e => e.Names.Any(n => NameMatch.Same(n, name))).Select(e => e.Id).Distinct().ToList();
            if (matches.Count == 0)
                throw ToolArgs.Invalid($"no {noun} named '{name}' for {argument}; there are: {string.Join(", ", entries.Select(e => $"{e.Names[0]} ({e.Id})").Distinct())}.");
            ids.AddRange(matches);
        }
        return [.. ids.Distinct()];
    }
}
