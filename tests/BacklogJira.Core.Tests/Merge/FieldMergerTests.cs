using System.Collections.Immutable;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;
using static BacklogJira.Core.Tests.Merge.TestFields;

namespace BacklogJira.Core.Tests.Merge;

public class FieldMergerTests
{
    private static readonly SideValues Start = Side();
    private static readonly AgreedBase Base = BaseOf(Start);

    private static MergeResult Merge(AgreedBase? agreed, SideValues backlog, SideValues jira, ConflictStrategy strategy = ConflictStrategy.Manual,
        Func<FieldConflict, ConflictChoice>? prompt = null) => FieldMerger.Merge(All, agreed, backlog, jira, strategy, prompt, "TASK-1 ⇄ DEMO-1");

    private static FieldDecision Decision(MergeResult result, IFieldSemantics field) => result.Decisions.Single(d => d.Field == field.Name);

    [Fact]
    public void Nothing_changed_is_in_sync_with_no_writes()
    {
        var result = Merge(Base, Start, Start);
        result.IsInSync.ShouldBeTrue();
        result.ToBacklog.ShouldBeEmpty();
        result.ToJira.ShouldBeEmpty();
    }

    [Fact]
    public void A_change_on_one_side_is_copied_to_the_other_and_becomes_the_base()
    {
        var result = Merge(Base, Side(title: "Login via SSO"), Side(status: "In Progress"));
        Decision(result, TitleField).Action.ShouldBe(FieldAction.PushToJira);
        Decision(result, TitleField).Value.ShouldBe("Login via SSO");
        Decision(result, StatusField).Action.ShouldBe(FieldAction.PullToBacklog);
        result.NewBase.Values["title"].ShouldBe("Login via SSO");
        result.NewBase.Values["status"].ShouldBe("In Progress");
    }

    [Theory]
    [InlineData(ConflictStrategy.PreferBacklog, "Backlog title", FieldAction.PushToJira)]
    [InlineData(ConflictStrategy.PreferJira, "Jira title", FieldAction.PullToBacklog)]
    public void A_conflict_on_one_field_follows_the_strategy_and_leaves_other_fields_alone(ConflictStrategy strategy, string winner, FieldAction action)
    {
        var result = Merge(Base, Side(title: "Backlog title", labels: ["auth", "ui"]), Side(title: "Jira title", status: "Done"), strategy);
        var title = Decision(result, TitleField);
        title.Action.ShouldBe(action);
        title.WasConflict.ShouldBeTrue();
        title.Value.ShouldBe(winner);
        Decision(result, LabelsField).Action.ShouldBe(FieldAction.PushToJira);
        Decision(result, StatusField).Action.ShouldBe(FieldAction.PullToBacklog);
        result.Unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void Manual_leaves_the_conflict_and_keeps_the_old_base()
    {
        var result = Merge(Base, Side(title: "a"), Side(title: "b"));
        Decision(result, TitleField).Action.ShouldBe(FieldAction.Conflict);
        result.NewBase.Values["title"].ShouldBe("Login");
        result.Unresolved.ShouldBe(["title"]);
        // Next time it is still a conflict; made equal by hand, it is settled and the base follows.
        Merge(result.NewBase, Side(title: "a"), Side(title: "b")).Unresolved.ShouldBe(["title"]);
        var settled = Merge(result.NewBase, Side(title: "a"), Side(title: "a"));
        settled.IsInSync.ShouldBeTrue();
        settled.NewBase.Values["title"].ShouldBe("a");
    }

    [Fact]
    public void Prompt_names_the_pair_shows_the_last_agreed_value_and_applies_each_answer()
    {
        var asked = new List<FieldConflict>();
        var result = Merge(Base, Side(title: "B title", status: "Done"), Side(title: "J title", status: "In Progress"), ConflictStrategy.Prompt, conflict =>
        {
            asked.Add(conflict);
            return conflict.Field.Name == "title" ? ConflictChoice.Jira : ConflictChoice.Backlog;
        });
        asked.Select(c => c.Field.Name).ShouldBe(["title", "status"]);
        asked[0].Pair.ShouldBe("TASK-1 ⇄ DEMO-1");
        asked[0].BaseText.ShouldBe("Login");
        asked[0].BacklogText.ShouldBe("B title");
        asked[0].JiraText.ShouldBe("J title");
        Decision(result, TitleField).Value.ShouldBe("J title");
        Decision(result, StatusField).Value.ShouldBe("Done");
    }

    [Fact]
    public void Prompt_on_a_field_never_agreed_says_so()
    {
        FieldConflict? asked = null;
        Merge(null, Side(title: "a"), Side(title: "b"), ConflictStrategy.Prompt, c => { asked = c; return ConflictChoice.LeaveUnresolved; });
        asked!.BaseText.ShouldBe("(never agreed)");
    }

    [Theory]
    [InlineData(ConflictStrategy.Manual)]
    [InlineData(ConflictStrategy.PreferJira)]
    [InlineData(ConflictStrategy.PreferBacklog)]
    public void First_contact_fills_an_empty_side_from_the_other_whatever_the_strategy(ConflictStrategy strategy)
    {
        var backlog = Side(status: null, criteria: []);
        var jira = Side(labels: [], criteria: [new("From Jira", false)]);
        var result = Merge(null, backlog, jira, strategy);
        result.Unresolved.ShouldBeEmpty();
        Decision(result, StatusField).Action.ShouldBe(FieldAction.PullToBacklog);
        Decision(result, LabelsField).Action.ShouldBe(FieldAction.PushToJira);
        Decision(result, CriteriaField).Action.ShouldBe(FieldAction.PullToBacklog);
        Merge(result.NewBase, Apply(backlog, result, false), Apply(jira, result, true)).IsInSync.ShouldBeTrue();
    }

    [Fact]
    public void First_contact_with_two_different_values_is_a_conflict_that_a_strategy_settles()
    {
        Merge(null, Side(title: "a"), Side(title: "b")).Unresolved.ShouldBe(["title"]);
        var settled = Merge(null, Side(title: "a"), Side(title: "b"), ConflictStrategy.PreferJira);
        settled.Unresolved.ShouldBeEmpty();
        Decision(settled, TitleField).Action.ShouldBe(FieldAction.PullToBacklog);
    }

    [Fact]
    public void A_value_the_other_side_cannot_hold_waits_and_is_never_agreed()
    {
        var backlog = Side(assignees: ["@zoe"]).With(AssigneeField, SideValue.Stuck(ImmutableArray.Create("@zoe"), "@zoe has no Jira user"));
        foreach (var strategy in Enum.GetValues<ConflictStrategy>())
        {
            // First contact with an unassigned issue, and a change in Backlog since the last agreement.
            foreach (var (agreed, jira) in new[] { ((AgreedBase?)null, Side(assignees: [])), (Base, Start) })
            {
                var result = Merge(agreed, backlog, jira, strategy);
                var decision = Decision(result, AssigneeField);
                decision.Action.ShouldBe(FieldAction.CannotPush, $"{strategy}, base {agreed is not null}");
                decision.Reason.ShouldContain("@zoe has no Jira user");
                result.NewBase.WithEntryOf(AssigneeField, agreed).ShouldBe(result.NewBase, "the base entry must not move");
            }
        }
    }

    [Fact]
    public void A_foreign_value_counts_as_a_change_and_is_never_pulled()
    {
        var jira = Start.With(StatusField, SideValue.Foreign("In Review", "no mapping"));
        var pulled = Merge(Base, Start, jira);
        Decision(pulled, StatusField).Action.ShouldBe(FieldAction.CannotPull);
        pulled.NewBase.Values["status"].ShouldBe("To Do");
        // Backlog changed too: a conflict; Backlog's value may overwrite it only when the user says so.
        Decision(Merge(Base, Side(status: "Done"), jira), StatusField).Action.ShouldBe(FieldAction.Conflict);
        Decision(Merge(Base, Side(status: "Done"), jira, ConflictStrategy.PreferBacklog), StatusField).Action.ShouldBe(FieldAction.PushToJira);
        Decision(Merge(Base, Side(status: "Done"), jira, ConflictStrategy.PreferJira), StatusField).Action.ShouldBe(FieldAction.CannotPull);
    }

    [Fact]
    public void A_field_one_side_does_not_hold_is_written_back_never_read_as_a_deletion()
    {
        var jira = Start.With(CriteriaField, SideValue.Missing("no managed section"));
        foreach (var strategy in Enum.GetValues<ConflictStrategy>())
        {
            var result = Merge(Base, Start, jira, strategy);
            var decision = Decision(result, CriteriaField);
            decision.Action.ShouldBe(FieldAction.PushToJira);
            decision.Value.ShouldBe(Start.Get(CriteriaField));
            decision.Reason.ShouldContain("written back");
        }
        Decision(Merge(Base, Side(criteria: []), jira), CriteriaField).Action.ShouldBe(FieldAction.InSync);
    }

    [Fact]
    public void Only_the_first_assignee_is_compared_and_labels_jira_refuses_stay_out_of_the_comparison()
    {
        var backlog = Side(assignees: ["@alice", "@bob"], labels: ["auth", "needs review"]);
        var result = Merge(Base, backlog, Start);
        result.IsInSync.ShouldBeTrue();
        Decision(Merge(Base, Side(assignees: ["@bob", "@alice"]), Start), AssigneeField).Action.ShouldBe(FieldAction.PushToJira);
    }

    [Fact]
    public void A_check_in_jira_and_a_new_item_in_backlog_both_survive()
    {
        var backlog = Side(criteria: [new("Redirects", false), new("Creates user", false), new("Shows errors", false)]);
        var jira = Side(criteria: [new("Redirects", true), new("Creates user", false)]);
        var result = Merge(Base, backlog, jira);
        var decision = Decision(result, CriteriaField);
        decision.Action.ShouldBe(FieldAction.MergeBoth);
        ((ImmutableArray<CriterionItem>)decision.Value!).ShouldBe([new("Redirects", true), new("Creates user", false), new("Shows errors", false)]);
    }

    [Fact]
    public void A_strategy_that_empties_a_field_says_so()
    {
        var result = Merge(Base, Side(labels: ["ui"]), Side(labels: []), ConflictStrategy.PreferJira);
        Decision(result, LabelsField).Reason.ShouldContain("clears the field");
    }

    /// <summary>The invariants (docs/sync.md): after a merge is applied the next merge writes nothing; and no value that
    /// existed on either side disappears unless one side deleted it while the other left it unchanged, or the plan says
    /// a strategy cleared it.</summary>
    [Fact]
    public void After_applying_a_merge_the_next_writes_nothing_and_no_value_disappears_silently()
    {
        var random = new Random(4242);
        foreach (var strategy in new[] { ConflictStrategy.PreferBacklog, ConflictStrategy.PreferJira, ConflictStrategy.Manual })
        {
            for (var run = 0; run < 2000; run++)
            {
                var baseSide = RandomEdit(Start, random, 0.2);
                AgreedBase? agreed = random.Next(10) == 0 ? null : BaseOf(baseSide);
                var backlog = RandomEdit(baseSide, random, 0.3);
                var jira = RandomEdit(baseSide, random, 0.3);
                var first = Merge(agreed, backlog, jira, strategy);
                var backlogAfter = Apply(backlog, first, toJira: false);
                var jiraAfter = Apply(jira, first, toJira: true);
                var second = Merge(first.NewBase, backlogAfter, jiraAfter, strategy);
                second.ToBacklog.ShouldBeEmpty($"{strategy} run {run}");
                second.ToJira.ShouldBeEmpty($"{strategy} run {run}");
                second.Unresolved.ShouldBe(first.Unresolved, ignoreOrder: true);
                foreach (var field in All)
                {
                    var before = new[] { backlog, jira }.Any(s => !field.IsEmpty(s[field].Value));
                    var after = new[] { backlogAfter, jiraAfter }.Any(s => !field.IsEmpty(s[field].Value));
                    if (!before || after) continue;
                    var decision = Decision(first, field);
                    var deletedOnOneSide = agreed is not null && agreed.TryGet(field, out var b)
                        && (field.IsEmpty(backlog[field].Value) && field.Same(b, jira[field].Value) || field.IsEmpty(jira[field].Value) && field.Same(b, backlog[field].Value));
                    // Item by item, each item went because one side removed it and the other left it as it was.
                    var removedItemByItem = decision.Action == FieldAction.MergeBoth;
                    (deletedOnOneSide || removedItemByItem || decision.Reason.Contains("clears the field", StringComparison.Ordinal))
                        .ShouldBeTrue($"{strategy} run {run}: {field.Name} vanished ({decision.Action}: {decision.Reason})");
                }
            }
        }
    }

    private static SideValues RandomEdit(SideValues value, Random random, double rate)
    {
        string Pick(params string[] options) => options[random.Next(options.Length)];
        if (random.NextDouble() < rate) value = value.With(TitleField, SideValue.Of(Pick("Login", "SSO login", "")));
        if (random.NextDouble() < rate) value = value.With(StatusField, SideValue.Of(random.Next(4) == 0 ? null : Pick("To Do", "In Progress", "Done")));
        if (random.NextDouble() < rate) value = value.With(AssigneeField, SideValue.Of(random.Next(4) == 0 ? ImmutableArray<string>.Empty : ImmutableArray.Create(Pick("@alice", "@bob"))));
        if (random.NextDouble() < rate) value = value.With(LabelsField, SideValue.Of(NameSetField.SetOf(Pick("auth", "auth,ui", "", "ui").Split(','))));
        if (random.NextDouble() < rate)
        {
            var items = value.Get(CriteriaField).ToList();
            switch (random.Next(3))
            {
                case 0 when items.Count > 0: var i = random.Next(items.Count); items[i] = items[i] with { Checked = !items[i].Checked }; break;
                case 1: var text = Pick("New A", "New B", "Redirects"); if (items.All(c => c.Text != text)) items.Add(new(text, false)); break;
                default: if (items.Count > 0) items.RemoveAt(random.Next(items.Count)); break;
            }
            value = value.With(CriteriaField, SideValue.Of(items.ToImmutableArray()));
        }
        return value;
    }
}
