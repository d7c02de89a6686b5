using BacklogMcp.Core.Api;

namespace BacklogMcp.Core.Tools;

/// <summary>Status names to ids through the projects' own status lists (custom statuses differ per project), case-
/// and width-insensitively; an unknown name is an error that lists the names there are.</summary>
public static class StatusResolver
{
    public static async Task<IReadOnlyList<int>> ResolveAsync(ToolContext context, (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) asked, IReadOnlyList<string> projects, CancellationToken cancellationToken)
    {
        if (asked.Names.Count == 0) return asked.Ids;
        if (projects.Count == 0)
            throw ToolArgs.Invalid($"status names ({string.Join(", ", asked.Names)}) need projectIdOrKey, because each project has its own statuses; or pass status ids.");
        var lists = await Task.WhenAll(projects.Select(p => context.Api.GetAsync($"/api/v2/projects/{ToolContext.Segment(p)}/statuses", null, NulabJsonContext.Default.ListNulabStatus, cancellationToken)));
        var all = lists.SelectMany(l => l).ToList();
        var ids = new List<int>(asked.Ids);
        foreach (var name in asked.Names)
        {
            var matches = all.Where(s => NameMatch.Same(s.Name, name)).Select(s => s.Id).Distinct().ToList();
            if (matches.Count == 0)
                throw ToolArgs.Invalid($"no status named '{name}' in {string.Join(", ", projects)}; statuses there: {string.Join(", ", all.Select(s => $"{s.Name} ({s.Id})").Distinct())}.");
            ids.AddRange(matches);
        }
        return [.. ids.Distinct()];
    }
}

/// <summary>Priority names to ids (space-wide list).</summary>
public static class PriorityResolver
{
    public static async Task<IReadOnlyList<int>> ResolveAsync(ToolContext context, (IReadOnlyList<int> Ids, IReadOnlyList<string> Names) asked, CancellationToken cancellationToken)
    {
        if (asked.Names.Count == 0) return asked.Ids;
        var all = await context.Api.GetAsync("/api/v2/priorities", null, NulabJsonContext.Default.ListNulabNamed, cancellationToken);
        var ids = new List<int>(asked.Ids);
        foreach (var name in asked.Names)
        {
            var match = all.Find(p => NameMatch.Same(p.Name, name))
                ?? throw ToolArgs.Invalid($"no priority named '{name}'; priorities: {string.Join(", ", all.Select(p => $"{p.Name} ({p.Id})"))}.");
            ids.Add(match.Id);
        }
        return [.. ids.Distinct()];
    }
}

/// <summary>Names typed by a model: case, full-width forms and spacing ("in progress", "InProgress") do not matter.</summary>
public static class NameMatch
{
    public static bool Same(string? a, string? b) => a is not null && b is not null && Key(a) == Key(b);

    private static string Key(string text) =>
        new([.. Formatting.TextFolding.Fold(text).Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-'))]);
}
