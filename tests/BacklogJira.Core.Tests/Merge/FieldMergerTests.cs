using System.Collections.Immutable;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;

namespace BacklogJira.Core.Tests.Merge;

public class FieldMergerTests
{
    private static readonly SyncFields Base = new()
    {
        Title = "Login",
        Description = "Sign in with SSO.",
        Status = "To Do",
        Assignee = "@alice",
        Labels = SyncFields.LabelSet(["auth"]),
        Priority = "high",
        AcceptanceCriteria = [new("Redirects", false), new("Creates user", false)],
        ImplementationPlan = "1. a",
        ImplementationNotes = "",
    };

    private static readonly HashSet<SyncField> None = [];

    private static FieldDecision Decision(MergeResult result, SyncField field) => result.Decisions.Single(d => d.Field == field);

    [Fact]
    public void Nothing_changed_is_in_sync_with_no_writes()
    {
        var result = FieldMerger.Merge(Base, None, Base, Base, ConflictStrategy.Manual);
        result.IsInSync.ShouldBeTrue();
        result.FieldsToWriteToBacklog.ShouldBeEmpty();
        result.FieldsToWriteToJira.ShouldBeEmpty();
    }

    [Fact]
    public void A_change_on_one_side_is_copied_to_the_other()
    {
        var backlog = Base with { Title = "Login via SSO" };
        var jira = Base with { Status = "In Progress" };
        var result = FieldMerger.Merge(Base, None, backlog, jira, ConflictStrategy.Manual);
        Decision(result, SyncField.Title).Action.ShouldBe(FieldAction.PushToJira);
        Decision(result, SyncField.Status).Action.ShouldBe(FieldAction.PullToBacklog);
        result.JiraTarget.Title.ShouldBe("Login via SSO");
        result.BacklogTarget.Status.ShouldBe("In Progress");
        result.NewBase.ShouldBe(Base with { Title = "Login via SSO", Status = "In Progress" });
        result.FieldsToWriteToJira.ShouldBe([SyncField.Title]);
        result.FieldsToWriteToBacklog.ShouldBe([SyncField.Status]);
    }

    [Fact]
    public void The_same_change_on_both_sides_needs_no_write()
    {
        var both = Base with { Priority = "low" };
        var result = FieldMerger.Merge(Base, None, both, both, ConflictStrategy.Manual);
        result.IsInSync.ShouldBeTrue();
        result.NewBase.Priority.ShouldBe("low");
    }

    [Theory]
    [InlineData(ConflictStrategy.PreferBacklog, "Backlog title", FieldAction.PushToJira)]
    [InlineData(ConflictStrategy.PreferJira, "Jira title", FieldAction.PullToBacklog)]
    public void A_conflict_on_one_field_follows_the_strategy_and_leaves_other_fields_alone(ConflictStrategy strategy, string winner, FieldAction action)
    {
        var backlog = Base with { Title = "Backlog title", Labels = SyncFields.LabelSet(["auth", "ui"]) };
        var jira = Base with { Title = "Jira title", Priority = "low" };
        var result = FieldMerger.Merge(Base, None, backlog, jira, strategy);
        var title = Decision(result, SyncField.Title);
        title.Action.ShouldBe(action);
        title.WasConflict.ShouldBeTrue();
        result.BacklogTarget.Title.ShouldBe(winner);
        result.JiraTarget.Title.ShouldBe(winner);
        result.JiraTarget.Labels.ShouldBe(["auth", "ui"]);
        result.BacklogTarget.Priority.ShouldBe("low");
        result.Unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void Manual_leaves_the_conflict_on_both_sides_and_keeps_the_old_base()
    {
        var backlog = Base with { Description = "Backlog text" };
        var jira = Base with { Description = "Jira text" };
        var result = FieldMerger.Merge(Base, None, backlog, jira, ConflictStrategy.Manual);
        Decision(result, SyncField.Description).Action.ShouldBe(FieldAction.Conflict);
        result.BacklogTarget.Description.ShouldBe("Backlog text");
        result.JiraTarget.Description.ShouldBe("Jira text");
        result.NewBase.Description.ShouldBe(Base.Description);
        result.Unresolved.ShouldBe([SyncField.Description]);
    }

    [Fact]
    public void Prompt_asks_once_per_conflicting_field_and_applies_each_answer()
    {
        var backlog = Base with { Title = "B title", Priority = "medium" };
        var jira = Base with { Title = "J title", Priority = "low" };
        var asked = new List<FieldConflict>();
        var result = FieldMerger.Merge(Base, None, backlog, jira, ConflictStrategy.Prompt, conflict =>
        {
            asked.Add(conflict);
            return conflict.Field == SyncField.Title ? ConflictChoice.Jira : ConflictChoice.Backlog;
        });
        asked.Select(c => c.Field).ShouldBe([SyncField.Title, SyncField.Priority]);
        asked[0].BaseText.ShouldBe("Login");
        asked[0].BacklogText.ShouldBe("B title");
        asked[0].JiraText.ShouldBe("J title");
        result.BacklogTarget.Title.ShouldBe("J title");
        result.JiraTarget.Priority.ShouldBe("medium");
    }

    [Fact]
    public void Prompt_without_an_answerer_leaves_the_conflict()
    {
        var result = FieldMerger.Merge(Base, None, Base with { Title = "a" }, Base with { Title = "b" }, ConflictStrategy.Prompt);
        result.Unresolved.ShouldBe([SyncField.Title]);
    }

    [Fact]
    public void First_sync_takes_equal_fields_as_base_and_treats_differences_as_conflicts()
    {
        var backlog = Base;
        var jira = Base with { Status = "Done", Labels = SyncFields.LabelSet(["auth", "x"]) };
        var result = FieldMerger.Merge(null, None, backlog, jira, ConflictStrategy.Manual);
        result.Unresolved.ShouldBe([SyncField.Status, SyncField.Labels], ignoreOrder: true);
        Decision(result, SyncField.Title).Action.ShouldBe(FieldAction.InSync);
        Decision(result, SyncField.Status).Reason.ShouldContain("never synced");

        var preferJira = FieldMerger.Merge(null, None, backlog, jira, ConflictStrategy.PreferJira);
        preferJira.BacklogTarget.ShouldBe(jira);
        preferJira.NewBase.ShouldBe(jira);
    }

    [Fact]
    public void First_sync_fills_a_field_empty_on_one_side_from_the_other()
    {
        var backlog = Base with { Priority = null, Description = "Only in Backlog" };
        var jira = Base with { Priority = "medium", Description = "" };
        var result = FieldMerger.Merge(null, None, backlog, jira, ConflictStrategy.Manual);
        result.Unresolved.ShouldBeEmpty();
        Decision(result, SyncField.Priority).Action.ShouldBe(FieldAction.PullToBacklog);
        Decision(result, SyncField.Description).Action.ShouldBe(FieldAction.PushToJira);
        result.NewBase.ShouldBe(Base with { Priority = "medium", Description = "Only in Backlog" });
        FieldMerger.Merge(result.NewBase, None, result.BacklogTarget, result.JiraTarget, ConflictStrategy.Manual).IsInSync.ShouldBeTrue();
    }

    [Fact]
    public void A_field_left_unresolved_is_still_a_conflict_next_time()
    {
        var backlog = Base with { Title = "a" };
        var jira = Base with { Title = "b" };
        var first = FieldMerger.Merge(Base, None, backlog, jira, ConflictStrategy.Manual);
        var second = FieldMerger.Merge(first.NewBase, first.Unresolved, first.BacklogTarget, first.JiraTarget, ConflictStrategy.Manual);
        second.Unresolved.ShouldBe([SyncField.Title]);
        // Someone fixes it by making both equal: resolved, and the base follows.
        var third = FieldMerger.Merge(second.NewBase, second.Unresolved, backlog, backlog, ConflictStrategy.Manual);
        third.IsInSync.ShouldBeTrue();
        third.Unresolved.ShouldBeEmpty();
        third.NewBase.Title.ShouldBe("a");
    }

    [Fact]
    public void A_check_in_jira_and_a_new_item_in_backlog_both_survive()
    {
        var backlog = Base with { AcceptanceCriteria = [new("Redirects", false), new("Creates user", false), new("Shows errors", false)] };
        var jira = Base with { AcceptanceCriteria = [new("Redirects", true), new("Creates user", false)] };
        var result = FieldMerger.Merge(Base, None, backlog, jira, ConflictStrategy.Manual);
        Decision(result, SyncField.AcceptanceCriteria).Action.ShouldBe(FieldAction.MergeBoth);
        ImmutableArray<CriterionItem> expected = [new("Redirects", true), new("Creates user", false), new("Shows errors", false)];
        result.BacklogTarget.AcceptanceCriteria.ShouldBe(expected);
        result.JiraTarget.AcceptanceCriteria.ShouldBe(expected);
        result.Unresolved.ShouldBeEmpty();
    }

    /// <summary>The property the original failed (backlog-jira-plugin.md §3.4): after a merge is applied, the next merge
    /// is in sync with zero writes, whatever was edited where.</summary>
    [Fact]
    public void After_applying_a_merge_the_next_merge_writes_nothing()
    {
        var random = new Random(4242);
        foreach (var strategy in new[] { ConflictStrategy.PreferBacklog, ConflictStrategy.PreferJira, ConflictStrategy.Manual })
        {
            for (var run = 0; run < 2000; run++)
            {
                SyncFields? baseValue = random.Next(10) == 0 ? null : RandomEdit(Base, random, 0.2);
                var backlog = RandomEdit(baseValue ?? Base, random, 0.3);
                var jira = RandomEdit(baseValue ?? Base, random, 0.3);
                var first = FieldMerger.Merge(baseValue, None, backlog, jira, strategy);
                var second = FieldMerger.Merge(first.NewBase, first.Unresolved, first.BacklogTarget, first.JiraTarget, strategy);
                second.FieldsToWriteToBacklog.ShouldBeEmpty($"{strategy} run {run}");
                second.FieldsToWriteToJira.ShouldBeEmpty($"{strategy} run {run}");
                second.Unresolved.ShouldBe(first.Unresolved, ignoreOrder: true);
                if (strategy != ConflictStrategy.Manual)
                {
                    first.BacklogTarget.ShouldBe(first.JiraTarget, $"{strategy} run {run}");
                    first.NewBase.ShouldBe(first.BacklogTarget);
                }
            }
        }
    }

    private static SyncFields RandomEdit(SyncFields value, Random random, double rate)
    {
        string Pick(params string[] options) => options[random.Next(options.Length)];
        if (random.NextDouble() < rate) value = value with { Title = Pick("Login", "SSO login", "Sign-in") };
        if (random.NextDouble() < rate) value = value with { Description = Pick("Sign in with SSO.", "Okta only.", "") };
        if (random.NextDouble() < rate) value = value with { Status = Pick("To Do", "In Progress", "Done") };
        if (random.NextDouble() < rate) value = value with { Assignee = random.Next(4) == 0 ? null : Pick("@alice", "@bob") };
        if (random.NextDouble() < rate) value = value with { Labels = SyncFields.LabelSet(Pick("auth", "auth,ui", "", "ui").Split(',')) };
        if (random.NextDouble() < rate) value = value with { Priority = random.Next(4) == 0 ? null : Pick("high", "low") };
        if (random.NextDouble() < rate)
        {
            var items = value.AcceptanceCriteria.ToList();
            switch (random.Next(3))
            {
                case 0 when items.Count > 0: var i = random.Next(items.Count); items[i] = items[i] with { Checked = !items[i].Checked }; break;
                case 1: var text = Pick("New A", "New B", "Redirects"); if (items.All(c => c.Text != text)) items.Add(new(text, false)); break;
                default: if (items.Count > 0) items.RemoveAt(random.Next(items.Count)); break;
            }
            value = value with { AcceptanceCriteria = [.. items] };
        }
        if (random.NextDouble() < rate) value = value with { ImplementationPlan = Pick("1. a", "1. a\n2. b", "") };
        if (random.NextDouble() < rate) value = value with { ImplementationNotes = Pick("", "Done by Bob") };
        return value;
    }
}
