namespace BacklogMcp.Tests;

/// <summary>The write tools exist only with BACKLOG_ENABLE_WRITES=true, and do what they say.</summary>
public sealed class WriteToolTests(WritableServerFixture fixture) : IClassFixture<WritableServerFixture>
{
    private BacklogMcpProcess Server => fixture.Server;

    [Fact]
    public async Task Writes_are_listed_with_annotations_when_enabled()
    {
        var tools = await Server.Client.ListToolsAsync();
        tools.Count.ShouldBe(67);
        var update = tools.Single(t => t.Name == "backlog_update_issue").ProtocolTool.Annotations!;
        update.ReadOnlyHint.ShouldBe(false);
        update.DestructiveHint.ShouldBe(true);
    }

    [Fact]
    public async Task Add_update_and_comment_round_trip_with_names_for_type_status_and_priority()
    {
        var (created, c) = await Server.OkAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary = "Created through MCP", issueType = "task", priority = "High", description = "本文", dueDate = "2026-03-31" });
        var key = (string)c["issue"]!["issueKey"]!;
        created.ShouldContain($"**Key:** [{key}]");
        ((string)c["issue"]!["priority"]!).ShouldBe("High");
        ((string)c["issue"]!["dueDate"]!).ShouldBe("2026-03-31T00:00:00Z");

        var (_, updated) = await Server.OkAsync("backlog_update_issue", new { issueIdOrKey = key, status = "In Review", comment = "Ready for review" });
        ((int)updated["issue"]!["statusId"]!).ShouldBe(101);
        var (comments, _) = await Server.OkAsync("backlog_get_comments", new { issueIdOrKey = key });
        comments.ShouldContain("Ready for review");
        comments.ShouldContain("| status | Open | In Review |");

        // A category and a milestone by name land on the issue (they were silently dropped before).
        var (_, named) = await Server.OkAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary = "Named fields", issueType = "Task", categoryId = "Development", milestoneId = new[] { "v1.1" } });
        named["issue"]!["categories"]!.AsArray().Select(c => (string)c!).ShouldBe(["Development"]);
        named["issue"]!["milestones"]!.AsArray().Select(c => (string)c!).ShouldBe(["v1.1"]);
        (await Server.ErrorAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary = "x", issueType = "Task", categoryId = "Marketing" })).ShouldContain("no category named 'Marketing'");

        var (_, added) = await Server.OkAsync("backlog_add_comment", new { issueIdOrKey = key, content = "Second thought" });
        ((int)added["commentId"]!).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Related_issues_milestones_and_issue_deletion_as_nulab_s_server_names_them()
    {
        var keys = new List<string>();
        foreach (var summary in new[] { "Relation A", "Relation B", "Doomed" })
            keys.Add((string)(await Server.OkAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary, issueType = "Task" })).Structured["issue"]!["issueKey"]!);
        var (text, related) = await Server.OkAsync("backlog_add_related_issue", new { issueIdOrKey = keys[0], relatedIssueIdOrKey = keys[1] });
        text.ShouldContain($"**{keys[0]}** and **{keys[1]}**");
        ((string)related["related"]!["issueKey"]!).ShouldBe(keys[1]);
        // Undirected: each lists the other.
        (await Server.OkAsync("backlog_get_related_issues", new { issueIdOrKey = keys[1] })).Structured["related"]!.AsArray().Select(i => (string)i!["issueKey"]!).ShouldBe([keys[0]]);
        (await Server.ErrorAsync("backlog_add_related_issue", new { issueIdOrKey = keys[0], relatedIssueIdOrKey = keys[1] })).ShouldContain("already related");
        await Server.OkAsync("backlog_remove_related_issue", new { issueIdOrKey = keys[1], relatedIssueIdOrKey = keys[0] });
        (await Server.OkAsync("backlog_get_related_issues", new { issueIdOrKey = keys[0] })).Text.ShouldContain("No related issues");

        var (_, milestone) = await Server.OkAsync("backlog_add_version_milestone", new { projectIdOrKey = "BLG", name = "Agents 1.0", startDate = "2026-12-01", releaseDueDate = "2026-12-24" });
        var versionId = (int)milestone["id"]!;
        ((string)milestone["releaseDueDate"]!).ShouldStartWith("2026-12-24");
        (await Server.ErrorAsync("backlog_add_version_milestone", new { projectIdOrKey = "BLG", name = "Agents 1.0" })).ShouldContain("already exists");
        (await Server.ErrorAsync("backlog_add_version_milestone", new { projectIdOrKey = "BLG", name = "x", startDate = "1 Dec" })).ShouldContain("startDate must be a date");
        var (_, archived) = await Server.OkAsync("backlog_update_version_milestone", new { projectIdOrKey = "BLG", versionId, archived = true, releaseDueDate = "" });
        ((string)archived["name"]!).ShouldBe("Agents 1.0", "the name Backlog requires is sent as it was");
        ((bool)archived["archived"]!).ShouldBeTrue();
        archived["releaseDueDate"].ShouldBeNull();
        (await Server.OkAsync("backlog_get_milestones", new { projectIdOrKey = "BLG", archived = true })).Text.ShouldContain("Agents 1.0");
        await Server.OkAsync("backlog_delete_version", new { projectIdOrKey = "BLG", versionId });
        (await Server.OkAsync("backlog_get_milestones", new { projectIdOrKey = "BLG", archived = true })).Text.ShouldNotContain("Agents 1.0");

        var (_, gone) = await Server.OkAsync("backlog_delete_issue", new { issueIdOrKey = keys[2] });
        ((string)gone["deleted"]!["summary"]!).ShouldBe("Doomed");
        (await Server.ErrorAsync("backlog_get_issue", new { issueIdOrKey = keys[2] })).ShouldContain("No issue");
    }

    [Fact]
    public async Task Projects_are_created_edited_archived_and_deleted_as_nulab_s_server_names_them()
    {
        var (text, created) = await Server.OkAsync("backlog_add_project", new { key = "AGT", name = "Agents" });
        text.ShouldContain("**AGT** Agents");
        (await Server.ErrorAsync("backlog_add_project", new { key = "AGT", name = "Again" })).ShouldContain("already used");
        (await Server.ErrorAsync("backlog_add_project", new { key = "agents!", name = "Bad key" })).ShouldContain("is not valid");
        // The new project has Backlog's default statuses and issue types: an issue can be made in it at once.
        var (_, issue) = await Server.OkAsync("backlog_add_issue", new { projectIdOrKey = "AGT", summary = "First in AGT", issueType = "Task" });
        ((string)issue["issue"]!["issueKey"]!).ShouldBe("AGT-1");

        var (_, renamed) = await Server.OkAsync("backlog_update_project", new { projectIdOrKey = "AGT", name = "Agents and tools", archived = true });
        ((string)renamed["name"]!).ShouldBe("Agents and tools");
        ((bool)renamed["archived"]!).ShouldBeTrue();
        (await Server.ErrorAsync("backlog_update_project", new { projectIdOrKey = "AGT" })).ShouldContain("nothing to change");

        var (_, deleted) = await Server.OkAsync("backlog_delete_project", new { projectIdOrKey = "AGT" });
        ((int)deleted["id"]!).ShouldBe((int)created["id"]!);
        (await Server.ErrorAsync("backlog_get_issue", new { issueIdOrKey = "AGT-1" })).ShouldContain("No issue");
        (await Server.OkAsync("backlog_get_projects")).Structured["projects"]!.AsArray().ShouldNotContain(p => (string)p!["projectKey"]! == "AGT");
    }

    [Fact]
    public async Task A_document_is_added_at_the_top_and_under_a_parent()
    {
        var (_, top) = await Server.OkAsync("backlog_add_document", new { projectIdOrKey = "BLG", title = "Agent notes", content = "# Notes\n\nWritten by an agent.", emoji = "🤖" });
        var id = (string)top["id"]!;
        id.Length.ShouldBe(32);
        var (_, child) = await Server.OkAsync("backlog_add_document", new { projectIdOrKey = "BLG", title = "Day one", parentId = id, addLast = true });
        ((string)child["parentId"]!).ShouldBe(id);
        var (read, _) = await Server.OkAsync("backlog_get_document", new { documentId = id });
        read.ShouldContain("Written by an agent.");
        (await Server.OkAsync("backlog_get_document_tree", new { projectIdOrKey = "BLG" })).Text.ShouldContain("Day one");
        (await Server.ErrorAsync("backlog_add_document", new { projectIdOrKey = "BLG", title = "Orphan", parentId = "0123456789abcdef0123456789abcdef" })).ShouldContain("No document");
    }

    [Fact]
    public async Task Bad_write_input_is_refused_before_anything_is_sent()
    {
        (await Server.ErrorAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary = "x", issueType = "Epic" })).ShouldContain("no issue type 'Epic' in BLG; its types: Bug (100)");
        (await Server.ErrorAsync("backlog_update_issue", new { issueIdOrKey = "BLG-1" })).ShouldContain("nothing to change");
        (await Server.ErrorAsync("backlog_update_issue", new { issueIdOrKey = "BLG-1", dueDate = "31/03/2026" })).ShouldContain("dueDate must be a date like 2026-03-31");
        (await Server.ErrorAsync("backlog_add_comment", new { issueIdOrKey = "BLG-1", content = " " })).ShouldContain("content is required");
        var status = await Server.ErrorAsync("backlog_update_issue", new { issueIdOrKey = "BLG-1", status = "Shipped" });
        status.ShouldContain("no status named 'Shipped' in BLG;");
        (await Server.ErrorAsync("backlog_get_comments", new { issueIdOrKey = "BLG-1", minId = 50, maxId = 10 })).ShouldContain("minId (50) is above maxId (10)");
    }
    [Fact]
    public async Task Comments_wiki_pull_request_comments_and_watchings_are_written_as_nulab_s_server_names_them()
    {
        var (_, issue) = await Server.OkAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary = "Writes beyond issues", issueType = "Task" });
        var key = (string)issue["issue"]!["issueKey"]!;
        var (_, added) = await Server.OkAsync("backlog_add_comment", new { issueIdOrKey = key, content = "First wording" });
        var commentId = (int)added["commentId"]!;
        await Server.OkAsync("backlog_update_issue_comment", new { issueIdOrKey = key, commentId, content = "Second wording" });
        (await Server.OkAsync("backlog_get_comments", new { issueIdOrKey = key })).Text.ShouldContain("Second wording");
        var (_, deleted) = await Server.OkAsync("backlog_delete_issue_comment", new { issueIdOrKey = key, commentId });
        ((string)deleted["deletedContent"]!).ShouldBe("Second wording");
        (await Server.ErrorAsync("backlog_delete_issue_comment", new { issueIdOrKey = key, commentId })).ShouldContain("No comment.");

        var (_, wiki) = await Server.OkAsync("backlog_add_wiki", new { projectIdOrKey = "BLG", name = "Guides/Agents", content = "Written by an agent." });
        var wikiId = (int)wiki["wikiId"]!;
        await Server.OkAsync("backlog_update_wiki", new { wikiId, content = "Rewritten by an agent." });
        ((string)(await Server.OkAsync("backlog_get_wiki", new { wikiId })).Structured["content"]!).ShouldBe("Rewritten by an agent.");
        (await Server.ErrorAsync("backlog_add_wiki", new { projectIdOrKey = "BLG", name = "Guides/Agents" })).ShouldContain("already exists");
        (await Server.ErrorAsync("backlog_update_wiki", new { wikiId })).ShouldContain("give a new name, new content, or both");

        await Server.OkAsync("backlog_add_pull_request_comment", new { projectIdOrKey = "BLG", repoIdOrName = "api", number = 3, content = "LGTM" });
        (await Server.OkAsync("backlog_get_pull_request_comments", new { projectIdOrKey = "BLG", repoIdOrName = "api", number = 3 })).Structured["comments"]![0]!["content"]!.GetValue<string>().ShouldBe("LGTM");

        var (_, watching) = await Server.OkAsync("backlog_add_watching", new { issueIdOrKey = key, note = "Agent follows" });
        ((string)watching["issueKey"]!).ShouldBe(key);
        (await Server.OkAsync("backlog_get_watching_list_items")).Structured["items"]!.AsArray().ShouldContain(w => (string)w!["issueKey"]! == key);
        var watchingId = (int)watching["watchingId"]!;
        ((string)(await Server.OkAsync("backlog_update_watching", new { watchingId, note = "Still following" })).Structured["note"]!).ShouldBe("Still following");
        await Server.OkAsync("backlog_mark_watching_as_read", new { watchingId });
        await Server.OkAsync("backlog_delete_watching", new { watchingId });
        (await Server.OkAsync("backlog_get_watching_list_items")).Structured["items"]!.AsArray().ShouldNotContain(w => (string)w!["issueKey"]! == key);
    }
    [Fact]
    public async Task Notifications_are_marked_read_one_by_one_or_all_at_once()
    {
        var unread = (int)(await Server.OkAsync("backlog_count_notifications", new { alreadyRead = false })).Structured["count"]!;
        await Server.OkAsync("backlog_mark_notification_as_read", new { notificationId = 1002 });
        ((int)(await Server.OkAsync("backlog_count_notifications", new { alreadyRead = false })).Structured["count"]!).ShouldBe(unread - 1);
        ((int)(await Server.OkAsync("backlog_reset_unread_notification_count")).Structured["count"]!).ShouldBe(unread - 1);
        ((int)(await Server.OkAsync("backlog_count_notifications", new { alreadyRead = false })).Structured["count"]!).ShouldBe(0);
        (await Server.ErrorAsync("backlog_mark_notification_as_read", new { notificationId = 9 })).ShouldContain("No notification.");
    }
    [Fact]
    public async Task A_pull_request_is_opened_edited_and_its_comment_reworded()
    {
        var (_, opened) = await Server.OkAsync("backlog_add_pull_request", new { projectIdOrKey = "BLG", repoIdOrName = "api", summary = "Agent's change", description = "Made by an agent.", @base = "main", branch = "agent/change", issueIdOrKey = "BLG-2" });
        var number = (int)opened["number"]!;
        number.ShouldBe(4);
        ((string)opened["issueKey"]!).ShouldBe("BLG-2");
        var (_, edited) = await Server.OkAsync("backlog_update_pull_request", new { projectIdOrKey = "BLG", repoIdOrName = "api", number, summary = "Agent's better change", assigneeId = 2, comment = "Renamed." });
        ((string)edited["summary"]!).ShouldBe("Agent's better change");
        ((string)edited["assignee"]!).ShouldBe("Nguyễn Văn Minh");
        var comments = (await Server.OkAsync("backlog_get_pull_request_comments", new { projectIdOrKey = "BLG", repoIdOrName = "api", number })).Structured["comments"]!.AsArray();
        var commentId = (int)comments.Single()!["id"]!;
        await Server.OkAsync("backlog_update_pull_request_comment", new { projectIdOrKey = "BLG", repoIdOrName = "api", number, commentId, content = "Renamed for clarity." });
        ((string)(await Server.OkAsync("backlog_get_pull_request_comments", new { projectIdOrKey = "BLG", repoIdOrName = "api", number })).Structured["comments"]![0]!["content"]!).ShouldBe("Renamed for clarity.");
        (await Server.ErrorAsync("backlog_update_pull_request", new { projectIdOrKey = "BLG", repoIdOrName = "api", number })).ShouldContain("give at least one of");
    }
}

/// <summary>Read-only by default: the write tools do not exist.</summary>
public sealed class ReadOnlyDefaultTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Write_tools_are_unknown_without_the_setting()
    {
        var text = await fixture.Server.ErrorAsync("backlog_add_issue", new { projectIdOrKey = "BLG", summary = "x", issueType = "Task" });
        text.ShouldContain("Unknown tool 'backlog_add_issue'");
        fixture.Sandbox.Requests.Snapshot().ShouldNotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task The_two_reference_prompts_are_served()
    {
        var prompts = await fixture.Server.Client.ListPromptsAsync();
        prompts.Select(p => p.Name).ShouldBe(["backlog_issue_summary", "backlog_to_jira_migration"]);
        var result = await fixture.Server.Client.GetPromptAsync("backlog_to_jira_migration", new Dictionary<string, object?> { ["backlogIssueKey"] = "BLG-1", ["jiraProjectKey"] = "DEMO", ["language"] = "English" });
        var text = ((ModelContextProtocol.Protocol.TextContentBlock)result.Messages[0].Content).Text;
        text.ShouldContain("Migrate Backlog issue BLG-1 to Jira project DEMO as a Task.");
        text.ShouldContain("backlog-BLG-1-manifest.json");
        text.ShouldContain("Wait for the user's confirmation.");
        await Should.ThrowAsync<Exception>(() => fixture.Server.Client.GetPromptAsync("backlog_issue_summary").AsTask());
    }
}
