namespace BacklogJira.Cli.Rendering;

/// <summary>The command someone most likely meant by a name that is not one: the closest by edit distance (at most a
/// third of its length, and 2 at most), or the only command it starts.</summary>
internal static class CommandSuggestion
{
    public static string? Closest(string typed, IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var names = commands.ToList();
        var lower = typed.ToLowerInvariant();
        var best = names
            .Select(name => (Name: name, Distance: BacklogJira.Core.Text.EditDistance.Between(lower, name.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Name.Length / 3)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Name is not null) return best.Name;
        var started = names.Where(n => lower.Length >= 2 && n.StartsWith(lower, StringComparison.OrdinalIgnoreCase)).ToList();
        return started.Count == 1 ? started[0] : null;
    }
}
