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
            .Select(name => (Name: name, Distance: Distance(lower, name.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Name.Length / 3)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Name is not null) return best.Name;
        var started = names.Where(n => lower.Length >= 2 && n.StartsWith(lower, StringComparison.OrdinalIgnoreCase)).ToList();
        return started.Count == 1 ? started[0] : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
