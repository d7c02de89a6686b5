using System.Collections.Immutable;
using BacklogJira.Core.Comments;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Merge;

namespace BacklogJira.Core.Tests.Comments;

/// <summary>Issue 17: the comment stamps and the comment-by-comment merge, through the same merger as every field.</summary>
public class CommentThreadTests
{
    private sealed class Thread : CommentThreadField { public override string Name => "comments"; }

    private static readonly Thread Field = new();

    private static CommentEntry C(string stamp, string body) => new(stamp, "@a", "2026-03-01 09:30", body);

    private static ImmutableArray<CommentEntry> T(params CommentEntry[] entries) => [.. entries];

    private static FieldDecision Decide(ImmutableArray<CommentEntry>? agreed, ImmutableArray<CommentEntry> backlog, ImmutableArray<CommentEntry> jira,
        ConflictStrategy strategy = ConflictStrategy.Manual)
    {
        var side = (ImmutableArray<CommentEntry> v) => new SideValues(ImmutableDictionary<string, SideValue>.Empty.Add("comments", SideValue.Of(v)));
        var baseValue = agreed is { } a ? AgreedBase.Empty.With(Field, a) : null;
        return FieldMerger.Merge([Field], baseValue, side(backlog), side(jira), strategy, null, "TASK-1 ⇄ DEMO-1").Decisions.Single();
    }

    [Fact]
    public void Stamps_rank_comments_with_the_same_author_and_minute_and_the_header_round_trips()
    {
        CommentStamps.Of([("@a", "2026-03-01 09:30"), ("@b", "2026-03-01 09:30"), ("@a", "2026-03-01 09:30")])
            .ShouldBe(["2026-03-01 09:30|@a|0", "2026-03-01 09:30|@b|0", "2026-03-01 09:30|@a|1"]);
        var header = CommentStamps.Header("@alice", "2026-03-01 09:30");
        CommentStamps.ReadHeader(header + "\n\nThe *text*").ShouldBe(("@alice", "2026-03-01 09:30", "The *text*"));
        CommentStamps.ReadHeader(CommentStamps.Header("", "") + "\n\nAnonymous").ShouldBe(("", "", "Anonymous"));
        CommentStamps.ReadHeader("Written in Jira").ShouldBe((null, null, "Written in Jira"));
        CommentStamps.Canonical("a\r\n---\r\nb <!-- COMMENTS:END -->  ").ShouldBe("a\n***\nb &lt;!-- COMMENTS:END -->");
    }

    [Fact]
    public void Additions_and_edits_on_different_comments_merge_and_write_only_the_side_that_lacks_them()
    {
        var agreed = T(C("s1", "one"), C("s2", "two"));
        var decision = Decide(agreed, T(C("s1", "one"), C("s2", "two, edited"), C("s3", "new in backlog")), T(C("s1", "one, edited"), C("s2", "two"), C("s4", "new in jira")));
        decision.Action.ShouldBe(FieldAction.MergeBoth);
        Field.Cast(decision.Value).Select(c => (c.Stamp, c.Body)).ShouldBe([("s1", "one, edited"), ("s2", "two, edited"), ("s3", "new in backlog"), ("s4", "new in jira")]);

        var pushOnly = Decide(agreed, T(C("s1", "one"), C("s2", "two"), C("s3", "three")), agreed);
        pushOnly.Action.ShouldBe(FieldAction.PushToJira);
    }

    [Fact]
    public void A_deletion_is_kept_on_the_other_side_remembered_and_never_written_back()
    {
        var agreed = T(C("s1", "one"), C("s2", "two"));
        var decision = Decide(agreed, T(C("s1", "one"), C("s2", "two")), T(C("s2", "two")));
        decision.Action.ShouldBe(FieldAction.InSync);
        Field.Cast(decision.Value).Single(c => c.Stamp == "s1").Gone.ShouldBe(CommentGone.Jira);

        // The next run compares against that memory: still nothing to write.
        var next = Decide(Field.Cast(decision.Value), T(C("s1", "one"), C("s2", "two")), T(C("s2", "two")));
        next.Action.ShouldBe(FieldAction.InSync);
        Field.IsEmpty(T(C("s1", "x") with { Gone = CommentGone.Backlog })).ShouldBeTrue();
    }

    [Fact]
    public void One_comment_edited_differently_on_both_sides_is_a_conflict_and_a_strategy_settles_only_that_comment()
    {
        var agreed = T(C("s1", "one"), C("s2", "two"));
        var backlog = T(C("s1", "backlog's"), C("s2", "two"));
        var jira = T(C("s1", "jira's"), C("s2", "two"), C("s3", "added in jira"));
        Decide(agreed, backlog, jira).Action.ShouldBe(FieldAction.Conflict);

        var settled = Decide(agreed, backlog, jira, ConflictStrategy.PreferBacklog);
        settled.Action.ShouldBe(FieldAction.MergeBoth);
        settled.WasConflict.ShouldBeTrue();
        Field.Cast(settled.Value).Select(c => (c.Stamp, c.Body)).ShouldBe([("s1", "backlog's"), ("s2", "two"), ("s3", "added in jira")]);
    }

    [Fact]
    public void First_contact_keeps_the_comments_of_both_sides_and_the_thread_survives_its_json()
    {
        var decision = Decide(null, T(C("s1", "one")), T(C("s2", "two")));
        decision.Action.ShouldBe(FieldAction.MergeBoth);
        var value = Field.Cast(decision.Value).Add(C("s3", "gone") with { Gone = CommentGone.Backlog });
        Field.FromJson(Field.ToJson(value)).ShouldBe(value);
    }
}
