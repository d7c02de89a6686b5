using System.Collections.Immutable;
using System.Text.Json.Nodes;
using BacklogJira.Core.Fields;

namespace BacklogJira.Core.Comments;

/// <summary>
/// A comment thread, merged comment by comment (docs/sync.md, "Comments"). Comments are matched by stamp; the order is
/// each side's own. A comment added on either side goes to the other; an edit travels when the other side left that
/// comment as agreed; a comment deleted on one side is kept on the other and remembered (<see cref="CommentGone"/>), so it
/// is never added back. The same comment edited differently on both sides cannot be merged: the field is then a
/// conflict, settled by the strategy, and no text is lost until it is.
/// </summary>
public abstract class CommentThreadField : FieldSemantics<ImmutableArray<CommentEntry>>, IFieldSemantics
{
    public override ImmutableArray<CommentEntry> Empty => [];

    public bool MergesEveryChange => true;

    public bool UnitesWithoutBase => true;

    /// <summary>Same stamps with the same text, leaving out comments the base remembers as deleted on one side.</summary>
    public override bool Same(ImmutableArray<CommentEntry> left, ImmutableArray<CommentEntry> right)
    {
        var gone = left.Concat(right).Where(c => c.Gone != CommentGone.None).Select(c => c.Stamp).ToHashSet(StringComparer.Ordinal);
        var l = left.Where(c => !gone.Contains(c.Stamp)).ToDictionary(c => c.Stamp, c => c.Body, StringComparer.Ordinal);
        var r = right.Where(c => !gone.Contains(c.Stamp)).ToDictionary(c => c.Stamp, c => c.Body, StringComparer.Ordinal);
        return l.Count == r.Count && l.All(p => r.TryGetValue(p.Key, out var body) && body == p.Value);
    }

    public override bool IsEmpty(ImmutableArray<CommentEntry> value) => value.All(c => c.Gone != CommentGone.None);

    public override string Display(ImmutableArray<CommentEntry> value)
    {
        var shown = value.Where(c => c.Gone == CommentGone.None).ToList();
        if (shown.Count == 0) return "(none)";
        return $"{shown.Count} comment{(shown.Count == 1 ? "" : "s")}: " + string.Join("; ", shown.Select(c =>
            $"{(c.Author.Length > 0 ? c.Author : "anonymous")}{(c.Created.Length > 0 ? " " + c.Created : "")}: {FirstLine(c.Body)}"));
    }

    public override bool TryMergeItems(ImmutableArray<CommentEntry> baseValue, ImmutableArray<CommentEntry> backlogValue, ImmutableArray<CommentEntry> jiraValue,
        out ImmutableArray<CommentEntry> merged) =>
        TryMerge(baseValue, backlogValue, jiraValue, null, out merged);

    public object? MergeItemsPreferring(object? baseValue, object? backlogValue, object? jiraValue, bool backlogWins) =>
        TryMerge(Cast(baseValue), Cast(backlogValue), Cast(jiraValue), backlogWins, out var merged) ? merged : null;

    /// <summary>The merge; <paramref name="backlogWins"/> says which side's text a comment changed differently on both
    /// sides takes (null: none, the merge fails).</summary>
    private static bool TryMerge(ImmutableArray<CommentEntry> baseValue, ImmutableArray<CommentEntry> backlogValue, ImmutableArray<CommentEntry> jiraValue,
        bool? backlogWins, out ImmutableArray<CommentEntry> merged)
    {
        merged = [];
        var agreed = baseValue.ToDictionary(c => c.Stamp, StringComparer.Ordinal);
        var backlog = backlogValue.ToDictionary(c => c.Stamp, StringComparer.Ordinal);
        var jira = jiraValue.ToDictionary(c => c.Stamp, StringComparer.Ordinal);
        var order = baseValue.Select(c => c.Stamp).Concat(backlogValue.Select(c => c.Stamp)).Concat(jiraValue.Select(c => c.Stamp)).Distinct(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<CommentEntry>();
        foreach (var stamp in order)
        {
            var b = agreed.GetValueOrDefault(stamp);
            var l = backlog.GetValueOrDefault(stamp);
            var j = jira.GetValueOrDefault(stamp);
            if (b is null)
            {
                // New on one side, or on both with the same text; different texts under one stamp cannot be told apart.
                if (l is not null && j is not null && l.Body != j.Body)
                {
                    if (backlogWins is not { } wins) return false;
                    result.Add(wins ? l : j);
                    continue;
                }
                result.Add((l ?? j)!);
                continue;
            }
            if (l is null && j is null) continue;
            if (l is null) { result.Add(j! with { Gone = CommentGone.Backlog }); continue; }
            if (j is null) { result.Add(l with { Gone = CommentGone.Jira }); continue; }
            var backlogEdited = l.Body != b.Body;
            var jiraEdited = j.Body != b.Body;
            if (backlogEdited && jiraEdited && l.Body != j.Body)
            {
                if (backlogWins is not { } wins) return false;
                result.Add(wins ? l : j);
                continue;
            }
            result.Add(jiraEdited ? j : l);
        }
        merged = result.ToImmutable();
        return true;
    }

    public override JsonNode? ToJson(ImmutableArray<CommentEntry> value) => new JsonArray([.. value.Select(c =>
    {
        var json = new JsonObject { ["stamp"] = c.Stamp, ["author"] = c.Author, ["created"] = c.Created, ["body"] = c.Body };
        if (c.Gone != CommentGone.None) json["gone"] = c.Gone == CommentGone.Backlog ? "backlog" : "jira";
        return (JsonNode)json;
    })]);

    public override ImmutableArray<CommentEntry> FromJson(JsonNode? node) => node is JsonArray list
        ? [.. list.OfType<JsonObject>().Select(o => new CommentEntry(Text(o["stamp"]), Text(o["author"]), Text(o["created"]), Text(o["body"]),
            Text(o["gone"]) switch { "backlog" => CommentGone.Backlog, "jira" => CommentGone.Jira, _ => CommentGone.None }))]
        : [];

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static string FirstLine(string body)
    {
        var line = body.Split('\n')[0];
        return line.Length > 60 ? line[..57] + "…" : line;
    }
}
