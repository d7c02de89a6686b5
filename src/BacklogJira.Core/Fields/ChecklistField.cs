using System.Collections.Immutable;
using System.Text.Json.Nodes;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;

namespace BacklogJira.Core.Fields;

/// <summary>An ordered checklist (acceptance criteria): compared item by item, merged item by item when both sides changed.</summary>
public abstract class ChecklistField : FieldSemantics<ImmutableArray<CriterionItem>>
{
    public override ImmutableArray<CriterionItem> Empty => [];

    public override bool Same(ImmutableArray<CriterionItem> left, ImmutableArray<CriterionItem> right) =>
        (left.IsDefault ? [] : left).SequenceEqual(right.IsDefault ? [] : right);

    public override bool IsEmpty(ImmutableArray<CriterionItem> value) => value.IsDefaultOrEmpty;

    public override string Display(ImmutableArray<CriterionItem> value) =>
        value.IsDefaultOrEmpty ? "(none)" : string.Join("\n", value.Select(c => (c.Checked ? "[x] " : "[ ] ") + c.Text));

    public override bool TryMergeItems(ImmutableArray<CriterionItem> baseValue, ImmutableArray<CriterionItem> backlogValue,
        ImmutableArray<CriterionItem> jiraValue, out ImmutableArray<CriterionItem> merged)
    {
        var result = CriteriaMerger.Merge(baseValue, backlogValue, jiraValue);
        merged = result ?? [];
        return result is not null;
    }

    public override JsonNode? ToJson(ImmutableArray<CriterionItem> value) =>
        new JsonArray([.. (value.IsDefault ? [] : value).Select(c => (JsonNode?)new JsonObject { ["text"] = c.Text, ["checked"] = c.Checked })]);

    public override ImmutableArray<CriterionItem> FromJson(JsonNode? node) =>
        node is JsonArray list
            ? [.. list.OfType<JsonObject>().Select(o => new CriterionItem(o["text"]?.GetValue<string>() ?? "", o["checked"]?.GetValue<bool>() ?? false))]
            : [];
}
