using System.Text.RegularExpressions;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// The import JQL narrowed to some issues (pure): <c>(scope) AND key in (…)</c>, the scope's <c>ORDER BY</c> kept at the
/// end, so an issue outside the scope (another project, a filtered-out type) is never imported because it was named.
/// </summary>
public static partial class ImportScope
{
    public static string WithKeys(string jql, IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(jql);
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        var order = TrailingOrderBy().Match(jql);
        var body = WithoutOrder(jql);
        var named = string.Join(", ", keys.Select(k => '"' + k.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + '"'));
        var narrowed = string.IsNullOrWhiteSpace(body) ? $"key in ({named})" : $"({body.Trim()}) AND key in ({named})";
        return order.Success ? narrowed + " " + order.Value.Trim() : narrowed;
    }

    /// <summary>The scope without its ORDER BY (a webhook's filter takes no order).</summary>
    public static string WithoutOrder(string jql)
    {
        var order = TrailingOrderBy().Match(jql);
        return (order.Success ? jql[..order.Index] : jql).Trim();
    }

    /// <summary>An ORDER BY at the end, outside any quoted text (no quote after it).</summary>
    [GeneratedRegex(@"\s*\border\s+by\b[^""']*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingOrderBy();
}
