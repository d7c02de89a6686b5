using System.Text.Json.Nodes;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Sync.Tests.Engine;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Fields;

/// <summary>Issue 17, comments both ways (docs/sync.md, "Comments"): comments written by the real CLI, Jira's comments
/// kept by the sandbox, no echo, no duplicate, nothing deleted that a user did not delete.</summary>
public class CommentsTests
{
    private static CancellationToken None => CancellationToken.None;

    internal static void CommentsOn(JsonObject config) => config["sync"]!["fields"] = new JsonObject { ["comments"] = true };

    private static async Task<List<string>> JiraBodiesAsync(SyncWorld world, string key) =>
        [.. (await world.Client.GetCommentsAsync(key, None)).Select(c => c.Body)];

    [Theory]
    [InlineData(SandboxMode.Cloud)]
    [InlineData(SandboxMode.DataCenter)]
    public async Task Comments_travel_both_ways_with_their_author_and_time_and_never_echo(SandboxMode mode)
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn, mode);
        var id = await world.CreateTaskAsync("--", "Discussed");
        await world.CliAsync("task", "edit", id, "--comment", "First from **Backlog**", "--comment-author", "@alice");

        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var pushed = (await JiraBodiesAsync(world, key)).Single();
        pushed.ShouldStartWith("*Backlog.md comment by @alice, ");
        pushed.ShouldEndWith("First from **Backlog**");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        var bobsComment = await world.Client.AddCommentAsync(key, "Reply from Jira\n\n- with a list", None);
        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["comments"]);
        var comments = world.Store.Get(id).Comments;
        comments.Count.ShouldBe(2);
        comments[1].Body.ShouldBe("Reply from Jira\n\n- with a list");
        comments[1].Author.ShouldBe(bobsComment.Author!.DisplayName == "Alice Martin" ? "@alice" : bobsComment.Author.DisplayName);
        comments[1].Created.ShouldBe(bobsComment.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        world.Jira.Sandbox.Counters.Reset();
        var again = (await world.RunAsync(SyncMode.Sync)).Single();
        again.Pushed.ShouldBeEmpty();
        again.Pulled.ShouldBeEmpty();
        world.JiraWrites.ShouldBe(0);
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_edit_travels_from_either_side_and_a_deletion_is_kept_on_the_other_side_and_never_added_back()
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn);
        var id = await world.CreateTaskAsync("--", "Edits");
        await world.CliAsync("task", "edit", id, "--comment", "One", "--comment-author", "@alice");
        await world.CliAsync("task", "edit", id, "--comment", "Two", "--comment-author", "@bob");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var inJira = await world.Client.GetCommentsAsync(key, None);
        inJira.Count.ShouldBe(2);

        // Jira edits the first (keeping the header we wrote), Backlog edits the second: both travel, no conflict.
        await world.Client.UpdateCommentAsync(key, inJira[0].Id, inJira[0].Body.Replace("One", "One, edited in Jira", StringComparison.Ordinal), None);
        await world.Store.UpdateAsync(id, _ => new BacklogJira.BacklogMd.Writing.TaskEdit { EditComments = new Dictionary<int, string> { [2] = "Two, edited in Backlog" } }, None);
        var merged = (await world.RunAsync(SyncMode.Sync)).Single();
        merged.Conflicts.ShouldBeEmpty();
        world.Store.Get(id).Comments.Select(c => c.Body).ShouldBe(["One, edited in Jira", "Two, edited in Backlog"]);
        (await JiraBodiesAsync(world, key))[1].ShouldEndWith("Two, edited in Backlog");

        // Deleted in Jira: the task keeps it, and no later run puts it back in Jira.
        world.Jira.Sandbox.State.Write(data =>
        {
            var issue = data.Issues.Single(i => i.Key == key);
            issue.Comments.RemoveAll(c => c.Id == inJira[0].Id);
            issue.Updated = TimeProvider.System.GetUtcNow();
        });
        (await world.RunAsync(SyncMode.Sync)).Single().Conflicts.ShouldBeEmpty();
        world.Store.Get(id).Comments.Count.ShouldBe(2);
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(1);
        world.Jira.Sandbox.Counters.Reset();
        (await world.RunAsync(SyncMode.Sync)).Single().State.ShouldBe(PairState.InSync);
        world.JiraWrites.ShouldBe(0);
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_comment_edited_differently_on_both_sides_is_a_conflict_that_loses_nothing_until_settled()
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn);
        var id = await world.CreateTaskAsync("--", "Both edit");
        await world.CliAsync("task", "edit", id, "--comment", "Original", "--comment-author", "@alice");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        var comment = (await world.Client.GetCommentsAsync(key, None)).Single();

        await world.Client.UpdateCommentAsync(key, comment.Id, comment.Body.Replace("Original", "Jira's words", StringComparison.Ordinal), None);
        await world.Store.UpdateAsync(id, _ => new BacklogJira.BacklogMd.Writing.TaskEdit { EditComments = new Dictionary<int, string> { [1] = "Backlog's words" } }, None);

        (await world.RunAsync(SyncMode.Sync)).Single().Conflicts.ShouldBe(["comments"]);
        world.Store.Get(id).Comments.Single().Body.ShouldBe("Backlog's words");
        (await JiraBodiesAsync(world, key)).Single().ShouldEndWith("Jira's words");

        (await world.RunAsync(SyncMode.Sync, ConflictStrategy.PreferJira)).Single().Pulled.ShouldBe(["comments"]);
        world.Store.Get(id).Comments.Single().Body.ShouldBe("Jira's words");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task A_jira_comment_with_a_rule_line_and_a_long_thread_reach_the_task_as_the_cli_reads_them()
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn);
        var id = await world.CreateTaskAsync("--", "Long thread");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.Client.AddCommentAsync(key, "Above\n\n---\n\nBelow the rule", None);
        for (var i = 0; i < 120; i++) await world.Client.AddCommentAsync(key, $"Comment {i}", None);

        (await world.RunAsync(SyncMode.Sync)).Single().Pulled.ShouldBe(["comments"]);

        var task = world.Store.Get(id);
        task.Comments.Count.ShouldBe(121);
        task.Comments[0].Body.ShouldBe("Above\n\n***\n\nBelow the rule");
        task.Comments[^1].Body.ShouldBe("Comment 119");
        (await world.CliAsync("task", "view", id, "--plain").ContinueWith(t => t.IsCompletedSuccessfully)).ShouldBeTrue();
        world.Jira.Sandbox.Counters.Reset();
        (await world.RunAsync(SyncMode.Sync)).Single().State.ShouldBe(PairState.InSync);
        world.JiraWrites.ShouldBe(0);
    }

    [Fact]
    public async Task A_retried_push_after_a_crash_adds_no_second_comment()
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn);
        var id = await world.CreateTaskAsync("--", "Crash");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "--comment", "Said once", "--comment-author", "@alice");

        var killed = new SyncEngine(world.Store, world.SyncClient, SyncConfig.Load(world.Paths), world.Paths, TimeProvider.System, world.Jira.Sandbox.BaseUrl.ToString())
        {
            Checkpoint = point => point == SyncEngine.CheckpointJiraWritten ? throw new InvalidOperationException("killed after the Jira write") : Task.CompletedTask,
        };
        (await killed.RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = ConflictStrategy.Manual }, None)).Single().Error!.ShouldContain("killed");
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(1, "Jira took the comment before the kill");

        (await world.RunAsync(SyncMode.Sync)).Single().Error.ShouldBeNull();
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(1);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    /// <summary>Found by the kill suite at full size: a run that pushed a Backlog comment and was killed before it
    /// wrote the Jira comment into the task must not take the thread it meant to write as agreed (Jira holds it, the task
    /// does not); the Jira comment then read as deleted in Backlog and never arrived.</summary>
    [Fact]
    public async Task A_run_killed_between_the_two_sides_still_brings_the_jira_comment_to_the_task()
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn);
        var id = await world.CreateTaskAsync("--", "Crash between sides");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.CliAsync("task", "edit", id, "--comment", "From Backlog", "--comment-author", "@alice");
        await world.Client.AddCommentAsync(key, "From Jira", None);

        var killed = new SyncEngine(world.Store, world.SyncClient, SyncConfig.Load(world.Paths), world.Paths, TimeProvider.System, world.Jira.Sandbox.BaseUrl.ToString())
        {
            Checkpoint = point => point == SyncEngine.CheckpointJiraWritten ? throw new InvalidOperationException("killed after the Jira write") : Task.CompletedTask,
        };
        (await killed.RunAsync(new SyncRequest { Mode = SyncMode.Sync, Strategy = ConflictStrategy.Manual }, None)).Single().Error!.ShouldContain("killed");
        world.Store.Get(id).Comments.Count.ShouldBe(1, "the task was not written before the kill");

        (await world.RunAsync(SyncMode.Sync)).Single().Error.ShouldBeNull();
        world.Store.Get(id).Comments.Select(c => c.Body).ShouldBe(["From Backlog", "From Jira"]);
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(2);
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);
    }

    [Fact]
    public async Task Import_brings_the_thread_and_create_issue_over_mcp_is_refused()
    {
        await using var world = await SyncWorld.CreateAsync(CommentsOn);
        var created = await world.Client.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Has a thread" }, None);
        await world.Client.AddCommentAsync(created.Key, "Imported *words*", None);

        var outcome = (await world.Importer().ImportAsync($"key = {created.Key}", false, None)).Single();

        world.Store.Get(outcome.TaskId).Comments.Single().Body.ShouldBe("Imported *words*");
        (await world.RunAsync(SyncMode.Status)).Single().State.ShouldBe(PairState.InSync);

        await using var mcp = await SyncWorld.CreateAsync(CommentsOn, transport: JiraTransport.Mcp);
        var task = await mcp.CreateTaskAsync("--", "Over MCP");
        (await Should.ThrowAsync<SyncConfigException>(() => mcp.Creator().CreateAsync(task, null, false, None))).Message.ShouldContain("sync.fields.comments");
    }

    [Fact]
    public async Task Comments_made_before_comments_since_stay_where_they_are()
    {
        await using var world = await SyncWorld.CreateAsync(config =>
        {
            CommentsOn(config);
            config["sync"]!["commentsSince"] = "2999-01-01";
        });
        var id = await world.CreateTaskAsync("--", "Old thread");
        await world.CliAsync("task", "edit", id, "--comment", "Older than the window", "--comment-author", "@alice");
        var key = (await world.Creator().CreateAsync(id, null, false, None)).JiraKey!;
        await world.Client.AddCommentAsync(key, "Also older", None);

        (await world.RunAsync(SyncMode.Sync)).Single().State.ShouldBe(PairState.InSync);
        (await JiraBodiesAsync(world, key)).ShouldBe(["Also older"]);
        world.Store.Get(id).Comments.Select(c => c.Body).ShouldBe(["Older than the window"]);

        var config = SyncConfig.Load(world.Paths).Json;
        config["sync"]!["commentsSince"] = "2000-01-01";
        await SyncConfig.SaveAsync(world.Paths, config, None);
        (await world.RunAsync(SyncMode.Sync)).Single().Error.ShouldBeNull();
        world.Store.Get(id).Comments.Count.ShouldBe(2);
        (await JiraBodiesAsync(world, key)).Count.ShouldBe(2);
    }
}
