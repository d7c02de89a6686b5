namespace BacklogJira.Core.Text;

/// <summary>How far apart two names are, for "did you mean" hints (a mistyped command, config key or Jira field).</summary>
public static class EditDistance
{
    /// <summary>Optimal string alignment distance, ignoring case: insertions, deletions, substitutions and adjacent
    /// swaps cost one.</summary>
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = a.ToLowerInvariant();
        var right = b.ToLowerInvariant();
        var d = new int[left.Length + 1, right.Length + 1];
        for (var i = 0; i <= left.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= right.Length; j++) d[0, j] = j;
        for (var i = 1; i <= left.Length; i++)
        {
            for (var j = 1; j <= right.Length; j++)
            {
                var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[left.Length, right.Length];
    }
}
