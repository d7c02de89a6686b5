using System.Text.RegularExpressions;

namespace BacklogJira.Core.Mapping;

/// <summary>A task ⇄ issue pairing proposed by <c>map auto</c>, with its score (1 = certain).</summary>
public sealed record TitleMatch(string TaskId, string JiraKey, double Score, string Reason);

/// <summary>
/// <c>map auto</c>'s matching (docs/reference/original-plugin.md §9.5, fixed): a Jira key written in the task title is certain;
/// otherwise title similarity (1.0 equal ignoring case and spacing, 0.8 one contains the other, else word Jaccard).
/// Each issue is given to one task at most, best scores first, so two tasks never map to the same issue.
/// </summary>
public static partial class TitleMatcher
{
    public static double Similarity(string left, string right)
    {
        var a = Squash(left);
        var b = Squash(right);
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1.0;
        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)) return 0.8;
        var wordsA = Words(a);
        var wordsB = Words(b);
        var union = wordsA.Union(wordsB).Count();
        return union == 0 ? 0 : (double)wordsA.Intersect(wordsB).Count() / union;
    }

    /// <summary>Keys of the form <c>PROJ-123</c> written in a title, for the given project.</summary>
    public static IEnumerable<string> KeysIn(string title, string projectKey) =>
        KeyPattern().Matches(title).Select(m => m.Value.ToUpperInvariant())
            .Where(k => k.StartsWith(projectKey.ToUpperInvariant() + "-", StringComparison.Ordinal));

    public static IReadOnlyList<TitleMatch> Match(
        IReadOnlyList<(string TaskId, string Title)> tasks,
        IReadOnlyList<(string Key, string Summary)> issues,
        string projectKey,
        double minScore)
    {
        var candidates = new List<TitleMatch>();
        foreach (var (taskId, title) in tasks)
        {
            var named = KeysIn(title, projectKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, summary) in issues)
            {
                var score = Score(named, title, key, summary);
                if (score >= minScore) candidates.Add(new TitleMatch(taskId, key, score, named.Contains(key) ? $"title names {key}" : $"title similarity {score:0.00}"));
            }
        }
        var takenTasks = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var takenIssues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<TitleMatch>();
        // Ties are broken by order of the inputs, so the same inputs always give the same pairs.
        foreach (var match in candidates.OrderByDescending(c => c.Score))
        {
            if (takenTasks.Contains(match.TaskId) || takenIssues.Contains(match.JiraKey)) continue;
            takenTasks.Add(match.TaskId);
            takenIssues.Add(match.JiraKey);
            result.Add(match);
        }
        return result;
    }

    /// <summary>1 when the title names the issue's key (<paramref name="keysInTitle"/>, from <see cref="KeysIn"/>), else the title similarity.</summary>
    public static double Score(IReadOnlySet<string> keysInTitle, string title, string key, string summary) =>
        keysInTitle.Contains(key) ? 1.0 : Similarity(title, summary);

    private static string Squash(string text) => string.Join(' ', Words(text.ToLowerInvariant()));

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9_]+-\d+\b")]
    private static partial Regex KeyPattern();
}
