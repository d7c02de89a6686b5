using System.Collections.Immutable;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;

namespace BacklogJira.Core.Tests.Merge;

/// <summary>One field of each kind, as the merge sees them (the real descriptors live in BacklogJira.Sync/Fields).</summary>
internal static class TestFields
{
    public sealed class Title : TextField { public override string Name => "title"; }

    public sealed class Status : NameField { public override string Name => "status"; }

    public sealed class Assignee : PrimaryListField { public override string Name => "assignee"; }

    public sealed class Labels : NameSetField
    {
        public override string Name => "labels";

        public override bool OneSideOnly(string name) => name.Contains(' ', StringComparison.Ordinal);
    }

    public sealed class Criteria : ChecklistField { public override string Name => "acceptanceCriteria"; }

    public static Title TitleField { get; } = new();
    public static Status StatusField { get; } = new();
    public static Assignee AssigneeField { get; } = new();
    public static Labels LabelsField { get; } = new();
    public static Criteria CriteriaField { get; } = new();

    public static IReadOnlyList<IFieldSemantics> All { get; } = [TitleField, StatusField, AssigneeField, LabelsField, CriteriaField];

    public static SideValues Side(string title = "Login", string? status = "To Do", string[]? assignees = null, string[]? labels = null,
        CriterionItem[]? criteria = null) => new(ImmutableDictionary<string, SideValue>.Empty
            .Add("title", SideValue.Of(title))
            .Add("status", SideValue.Of(status))
            .Add("assignee", SideValue.Of(ImmutableArray.Create(assignees ?? ["@alice"])))
            .Add("labels", SideValue.Of(NameSetField.SetOf(labels ?? ["auth"])))
            .Add("acceptanceCriteria", SideValue.Of(ImmutableArray.Create(criteria ?? [new("Redirects", false), new("Creates user", false)]))));

    public static AgreedBase BaseOf(SideValues side) =>
        new(side.All.ToImmutableDictionary(p => p.Key, p => p.Value.Value), []);

    /// <summary>What a side holds after the merge's writes to it.</summary>
    public static SideValues Apply(SideValues side, MergeResult result, bool toJira)
    {
        foreach (var decision in result.Decisions.Where(d => toJira ? d.WritesJira : d.WritesBacklog))
            side = side.With(All.Single(f => f.Name == decision.Field), SideValue.Of(decision.Value));
        return side;
    }
}
