using System.Collections.Immutable;
using BacklogJira.Core.Model;

namespace BacklogJira.Core.Merge;

/// <summary>
/// Acceptance criteria merged item by item, items identified by their text: an item added on one side and a check on
/// the other both survive; an item removed on one side goes, unless the other side changed it (then: conflict).
/// Returns null when the lists cannot be combined safely (repeated texts, remove-versus-edit).
/// </summary>
public static class CriteriaMerger
{
    public static ImmutableArray<CriterionItem>? Merge(
        ImmutableArray<CriterionItem> baseValue,
        ImmutableArray<CriterionItem> backlogValue,
        ImmutableArray<CriterionItem> jiraValue)
    {
        if (HasRepeats(baseValue) || HasRepeats(backlogValue) || HasRepeats(jiraValue)) return null;
        var baseByText = baseValue.ToDictionary(c => c.Text, c => c.Checked, StringComparer.Ordinal);
        var backlogByText = backlogValue.ToDictionary(c => c.Text, c => c.Checked, StringComparer.Ordinal);
        var jiraByText = jiraValue.ToDictionary(c => c.Text, c => c.Checked, StringComparer.Ordinal);

        var result = new List<CriterionItem>();
        foreach (var item in backlogValue)
        {
            var merged = MergeItem(item.Text, baseByText, backlogByText, jiraByText, out var conflict);
            if (conflict) return null;
            if (merged is not null) result.Add(merged);
        }
        // Items only Jira has: new there (keep, after their predecessor in Jira's order) or removed in Backlog.
        for (var i = 0; i < jiraValue.Length; i++)
        {
            var item = jiraValue[i];
            if (backlogByText.ContainsKey(item.Text)) continue;
            var merged = MergeItem(item.Text, baseByText, backlogByText, jiraByText, out var conflict);
            if (conflict) return null;
            if (merged is null) continue;
            var predecessor = i == 0 ? -1 : result.FindIndex(r => r.Text == jiraValue[i - 1].Text);
            result.Insert(i == 0 ? 0 : predecessor >= 0 ? predecessor + 1 : result.Count, merged);
        }
        return [.. result];
    }

    private static CriterionItem? MergeItem(string text, Dictionary<string, bool> baseByText, Dictionary<string, bool> backlogByText,
        Dictionary<string, bool> jiraByText, out bool conflict)
    {
        conflict = false;
        var inBase = baseByText.TryGetValue(text, out var baseChecked);
        var inBacklog = backlogByText.TryGetValue(text, out var backlogChecked);
        var inJira = jiraByText.TryGetValue(text, out var jiraChecked);
        if (!inBase)
        {
            // New on one or both sides; when both added it, a check on either side wins.
            return new CriterionItem(text, (inBacklog && backlogChecked) || (inJira && jiraChecked));
        }
        if (!inBacklog || !inJira)
        {
            var survivorChanged = inBacklog ? backlogChecked != baseChecked : inJira && jiraChecked != baseChecked;
            conflict = survivorChanged;
            return null;
        }
        var isChecked = backlogChecked != baseChecked ? backlogChecked : jiraChecked;
        return new CriterionItem(text, isChecked);
    }

    private static bool HasRepeats(ImmutableArray<CriterionItem> items) =>
        items.Select(i => i.Text).Distinct(StringComparer.Ordinal).Count() != items.Length;
}
