using System.Text.Json.Nodes;

namespace BacklogMcp.Tests;

/// <summary>The twelve read tools through a real MCP client over stdio, against the seeded sandbox space.</summary>
public sealed class ReadToolTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private BacklogMcpProcess Server => fixture.Server;

    [Fact]
    public async Task Lists_the_reference_tools_and_nulab_s_with_schemas_and_annotations_and_no_write_tool_by_default()
    {
        var tools = await Server.Client.ListToolsAsync();
        tools.Select(t => t.Name).Order().ShouldBe(new[]
        {
            "backlog_count_issues", "backlog_count_notifications", "backlog_download_attachment", "backlog_export_issue_context", "backlog_get_attachments", "backlog_get_categories",
            "backlog_get_child_issues", "backlog_get_comments",
            "backlog_get_custom_fields", "backlog_get_document", "backlog_get_document_tree", "backlog_get_documents", "backlog_get_git_repositories", "backlog_get_git_repository", "backlog_get_issue", "backlog_get_issue_list", "backlog_get_issue_types",
            "backlog_get_milestones", "backlog_get_myself", "backlog_get_notifications", "backlog_get_priorities", "backlog_get_project", "backlog_get_projects", "backlog_get_pull_request",
            "backlog_get_pull_request_comments", "backlog_get_pull_requests", "backlog_get_pull_requests_count", "backlog_get_related_issues", "backlog_get_resolutions", "backlog_get_space", "backlog_get_space_activities",
            "backlog_get_statuses", "backlog_get_user_recent_updates", "backlog_get_user_stars_count", "backlog_get_users", "backlog_get_watching_list_count", "backlog_get_watching_list_items",
            "backlog_get_wiki", "backlog_get_wiki_pages", "backlog_get_wikis_count",
        });
        foreach (var tool in tools)
        {
            tool.ProtocolTool.OutputSchema.ShouldNotBeNull(tool.Name);
            tool.ProtocolTool.InputSchema.GetProperty("type").GetString().ShouldBe("object");
            tool.ProtocolTool.Annotations!.ReadOnlyHint.ShouldBe(tool.Name is not ("backlog_download_attachment" or "backlog_export_issue_context"), tool.Name);
        }
        var list = tools.Single(t => t.Name == "backlog_get_issue_list").ProtocolTool;
        list.Description!.ShouldContain("1 exclude child issues, 2 child issues only, 3 neither parent nor child, 4 parent issues only");
        list.InputSchema.GetRawText().ShouldNotContain("\"maximum\":4");
    }

    [Fact]
    public async Task Issue_list_takes_a_project_key_and_a_custom_status_by_id_or_name_and_reports_the_total()
    {
        fixture.Sandbox.Requests.Clear();
        var (byId, structured) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", statusId = new[] { 101 }, count = 5 });
        var (_, byName) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "blg", statusId = "in review", count = 5 });
        byName["issues"]!.ToJsonString().ShouldBe(structured["issues"]!.ToJsonString());
        var issues = structured["issues"]!.AsArray();
        issues.Count.ShouldBe(5);
        issues.ShouldAllBe(i => (int)i!["statusId"]! == 101);
        var expectedTotal = fixture.Sandbox.Space.Read(s => s.Issues.Count(i => i.ProjectId == 10 && i.StatusId == 101));
        ((int)structured["total"]!).ShouldBe(expectedTotal);
        ((int)structured["nextOffset"]!).ShouldBe(5);
        byId.ShouldStartWith("# Backlog Issue List\n\n**Showing:** 5 issue(s) (offset: 0)\n");
        byId.ShouldContain("| Key | Type | Status | Priority | Assignee | Due | Updated |");
        byId.ShouldContain("`backlog_get_issue_list(projectIdOrKey: \"BLG\", statusId: [101], count: 5, offset: 5)` — load the next page");
        var search = fixture.Sandbox.Requests.Snapshot().First(r => r.Path == "/api/v2/issues");
        search.Query.ShouldContain(new KeyValuePair<string, string>("projectId[]", "10"));
        search.Query.ShouldContain(new KeyValuePair<string, string>("statusId[]", "101"));
        fixture.Sandbox.Requests.Snapshot().Count(r => r.Path == "/api/v2/projects/BLG").ShouldBeLessThanOrEqualTo(1, "project keys are resolved once and cached");
    }

    [Fact]
    public async Task Issue_list_pages_through_a_whole_project_without_gaps_or_repeats()
    {
        var keys = new List<string>();
        int? offset = 0;
        while (offset is { } next)
        {
            var (_, page) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 50, offset = next, sort = "created", order = "asc" });
            keys.AddRange(page["issues"]!.AsArray().Select(i => (string)i!["issueKey"]!));
            offset = (int?)page["nextOffset"];
        }
        keys.Count.ShouldBe(130);
        keys.Distinct().Count().ShouldBe(130);
        keys[0].ShouldBe("BLG-1");
    }

    [Theory]
    [InlineData(2, new[] { "BLG-4", "BLG-5", "BLG-6" })]
    [InlineData(4, new[] { "BLG-3" })]
    public async Task ParentChild_has_backlogs_meaning(int parentChild, string[] expected)
    {
        var (_, result) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", parentChild, count = 100 });
        result["issues"]!.AsArray().Select(i => (string)i!["issueKey"]!).Order().ShouldBe(expected);
    }

    [Fact]
    public async Task Issue_list_filters_by_priority_name_assignee_keyword_and_several_projects()
    {
        var (_, result) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG,11", priorityId = new object[] { "High" }, assigneeId = "3", keyword = "フォーム", count = 100 });
        var issues = result["issues"]!.AsArray();
        issues.Count.ShouldBeGreaterThan(0);
        issues.ShouldAllBe(i => (string)i!["priority"]! == "High" && (int)i["assigneeId"]! == 3 && ((string)i["summary"]!).Contains("フォーム"));
    }

    [Fact]
    public async Task Category_milestone_and_assignee_names_and_me_filter_instead_of_being_dropped()
    {
        var (_, all) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 100 });
        var (_, development) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", categoryId = "development", count = 100 });
        ((int)development["total"]!).ShouldBeGreaterThan(0);
        ((int)development["total"]!).ShouldBeLessThan((int)all["total"]!);
        development["issues"]!.AsArray().ShouldAllBe(i => i!["categories"]!.AsArray().Any(c => (string)c! == "Development"));

        var (_, mine) = await Server.OkAsync("backlog_get_issue_list", new { assigneeId = new[] { "me" }, count = 100 });
        ((int)mine["total"]!).ShouldBeGreaterThan(0);
        mine["issues"]!.AsArray().ShouldAllBe(i => (int)i!["assigneeId"]! == 1, "the API key's user is Aiko (1)");
        var (_, byName) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", assigneeId = "Sam Rivera", count = 100 });
        byName["issues"]!.AsArray().ShouldAllBe(i => (int)i!["assigneeId"]! == 4);

        var (_, milestone) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", milestoneId = "v1.1", count = 100 });
        milestone["issues"]!.AsArray().ShouldAllBe(i => i!["milestones"]!.AsArray().Any(m => (string)m! == "v1.1"));
    }

    [Theory]
    [InlineData("{\"count\":101}", "count must be from 1 to 100")]
    [InlineData("{\"count\":0}", "count must be from 1 to 100")]
    [InlineData("{\"parentChild\":7}", "parentChild must be from 0 to 4")]
    [InlineData("{\"archived\":true}", "does not take 'archived'")]
    [InlineData("{\"statusId\":\"Doing\"}", "need projectIdOrKey")]
    [InlineData("{\"projectIdOrKey\":\"BLG\",\"statusId\":\"Doing\"}", "no status named 'Doing'")]
    [InlineData("{\"order\":\"sideways\"}", "order must be one of asc, desc")]
    [InlineData("{\"categoryId\":\"Development\"}", "categoryId names (Development) need projectIdOrKey")]
    [InlineData("{\"projectIdOrKey\":\"BLG\",\"categoryId\":\"Nope\"}", "no category named 'Nope' for categoryId; there are: Development (")]
    [InlineData("{\"projectIdOrKey\":\"BLG\",\"milestoneId\":\"v9\"}", "no milestone named 'v9'")]
    [InlineData("{\"assigneeId\":[-1]}", "assigneeId ids must be positive")]
    public async Task Bad_issue_list_input_is_an_invalid_input_error_that_names_the_argument(string json, string expected)
    {
        var text = await Server.ErrorAsync("backlog_get_issue_list", JsonNode.Parse(json));
        text.ShouldStartWith("[INVALID_INPUT] Invalid input: ");
        text.ShouldContain(expected);
    }

    [Fact]
    public async Task Unknown_project_key_reaches_the_caller_with_backlogs_own_message_and_no_api_key()
    {
        var text = await Server.ErrorAsync("backlog_get_issue_list", new { projectIdOrKey = "NOPE" });
        text.ShouldStartWith("[BACKLOG_HTTP_ERROR] Backlog HTTP 404 from GET ");
        text.ShouldContain("/api/v2/projects/NOPE: No project. (Backlog error code 6 NoResourceError)");
        text.ShouldContain("backlog_get_projects");
        text.ShouldNotContain(fixture.Sandbox.ApiKey);
        text.ShouldNotContain("apiKey");
    }

    [Fact]
    public async Task Get_issue_renders_details_people_dates_time_and_description()
    {
        var (text, structured) = await Server.OkAsync("backlog_get_issue", new { issueIdOrKey = "BLG-1" });
        text.ShouldStartWith("# [BLG-1] Login fails when the SSO session expires\n\n**URL:** " + fixture.Sandbox.BaseUrl.GetLeftPart(UriPartial.Authority) + "/view/BLG-1\n\n## Details\n");
        text.ShouldContain("| **Status** | In Progress |");
        text.ShouldContain("| **Milestones** | v2.0 |");
        text.ShouldContain("| **Assignee** | Nguyễn Văn Minh |");
        text.ShouldContain("| **Created** | 5 Jan 2026, 09:00 UTC |");
        text.ShouldContain("| **Due Date** | 30 Jan 2026 |");
        text.ShouldContain("| **Actual** | 1.5h |");
        text.ShouldContain("## Description\n\nAfter the SSO session times out");
        text.ShouldContain("`backlog_export_issue_context(issueIdOrKey: \"BLG-1\")`");
        var issue = structured["issue"]!;
        ((string)issue["issueKey"]!).ShouldBe("BLG-1");
        ((int)issue["attachmentCount"]!).ShouldBe(7);

        var (japanese, _) = await Server.OkAsync("backlog_get_issue", new { issueIdOrKey = "WEB-1" });
        japanese.ShouldContain("お問い合わせフォームで送信エラーが発生する");
        japanese.ShouldContain("| **Status** | 確認待ち |");
        var (bare, _) = await Server.OkAsync("backlog_get_issue", new { issueIdOrKey = "BLG-7" });
        bare.ShouldContain("| **Priority** | Low |");
        bare.ShouldContain("_No description provided._");
    }

    [Fact]
    public async Task Missing_issue_is_a_404_with_backlogs_message()
    {
        var text = await Server.ErrorAsync("backlog_get_issue", new { issueIdOrKey = "BLG-9999" });
        text.ShouldContain("Backlog HTTP 404");
        text.ShouldContain("No issue.");
        (await Server.ErrorAsync("backlog_get_issue", new { issueIdOrKey = "" })).ShouldContain("issueIdOrKey is required");
    }

    [Theory]
    [InlineData("desc")]
    [InlineData("asc")]
    public async Task Comments_page_by_id_window_through_all_130_with_change_logs(string order)
    {
        var ids = new List<int>();
        object arguments = new { issueIdOrKey = "BLG-2", count = 100, order };
        string? firstText = null;
        while (true)
        {
            var (text, page) = await Server.OkAsync("backlog_get_comments", arguments);
            firstText ??= text;
            ids.AddRange(page["comments"]!.AsArray().Select(c => (int)c!["id"]!));
            if (page["next"] is not JsonObject next) break;
            arguments = order == "desc"
                ? new { issueIdOrKey = "BLG-2", count = 100, order, maxId = (int)next["maxId"]! }
                : (object)new { issueIdOrKey = "BLG-2", count = 100, order, minId = (int)next["minId"]! };
        }
        ids.Count.ShouldBe(130);
        ids.Distinct().Count().ShouldBe(130);
        ids.ShouldBe(order == "asc" ? ids.Order().ToList() : ids.OrderDescending().ToList());
        firstText!.ShouldContain($"**Total returned:** 100 | **Order:** {(order == "desc" ? "newest first" : "oldest first")}");
        firstText.ShouldContain("**Field changes:**");
        firstText.ShouldContain(order == "desc" ? "load older comments" : "load newer comments");
    }

    [Fact]
    public async Task Comments_show_change_log_only_entries_and_empty_issues_say_so()
    {
        var (text, structured) = await Server.OkAsync("backlog_get_comments", new { issueIdOrKey = "BLG-1", order = "asc" });
        text.ShouldContain("| status | Open | In Progress |");
        text.ShouldContain("**Comment #");
        structured["comments"]!.AsArray().Count.ShouldBe(6);
        var (none, _) = await Server.OkAsync("backlog_get_comments", new { issueIdOrKey = "BLG-7" });
        none.ShouldEndWith("_No comments found._");
    }

    [Fact]
    public async Task Project_lists_statuses_priorities_categories_milestones_users()
    {
        var (statuses, s) = await Server.OkAsync("backlog_get_statuses", new { projectIdOrKey = "WEB" });
        statuses.ShouldContain("| 102 | 確認待ち |");
        s["statuses"]!.AsArray().Count.ShouldBe(5);

        var (priorities, _) = await Server.OkAsync("backlog_get_priorities");
        priorities.ShouldStartWith("# Priorities (Global)\n\n> Priorities are space-wide and apply to all projects.\n\n| ID | Name |");

        var (categories, _) = await Server.OkAsync("backlog_get_categories", new { projectIdOrKey = "BLG" });
        categories.ShouldContain("| 200 | Development |");
        (await Server.OkAsync("backlog_get_categories", new { projectIdOrKey = "OLD" })).Text.ShouldEndWith("_No categories found for this project._");

        var (active, a) = await Server.OkAsync("backlog_get_milestones", new { projectIdOrKey = "BLG" });
        active.ShouldStartWith("# Active Milestones — BLG");
        a["milestones"]!.AsArray().Select(m => (string)m!["name"]!).ShouldBe(["v1.1", "v2.0"]);
        var (all, _) = await Server.OkAsync("backlog_get_milestones", new { projectIdOrKey = "BLG", archived = true });
        all.ShouldContain("| 300 | v1.0 | 6 Nov 2025 | 31 Dec 2025 | ✓ |");

        var (users, u) = await Server.OkAsync("backlog_get_users", new { projectIdOrKey = "BLG", keyword = "nguyen" });
        users.ShouldContain("**Filter:** keyword=\"nguyen\"");
        u["users"]!.AsArray().Select(x => (string)x!["name"]!).ShouldBe(["Nguyễn Văn Minh"]);
        var (guests, _) = await Server.OkAsync("backlog_get_users", new { projectIdOrKey = "BLG", keyword = "guest" });
        guests.ShouldContain("| 5 | — | Guest Viewer | — | Guest Viewer |");
    }

    [Fact]
    public async Task Projects_filter_by_archived_and_attachments_list_sizes()
    {
        var (_, all) = await Server.OkAsync("backlog_get_projects");
        all["projects"]!.AsArray().Count.ShouldBe(3);
        var (archived, only) = await Server.OkAsync("backlog_get_projects", new { archived = true });
        archived.ShouldStartWith("# Archived Projects");
        only["projects"]!.AsArray().Select(p => (string)p!["projectKey"]!).ShouldBe(["OLD"]);

        var (text, attachments) = await Server.OkAsync("backlog_get_attachments", new { issueIdOrKey = "BLG-1" });
        attachments["attachments"]!.AsArray().Count.ShouldBe(7);
        text.ShouldContain("| screenshot.png | 70 B | Aiko Tanaka | 2026-01-05 |");
        text.ShouldContain("| big-dump.zip | 11.0 MB |");
        text.ShouldContain("backlog_download_attachment(issueIdOrKey: \"BLG-1\", attachmentId: 1)");
    }

    [Fact]
    public async Task Space_myself_issue_types_resolutions_and_custom_fields_answer_as_nulab_s_server_names_them()
    {
        var (space, spaceJson) = await Server.OkAsync("backlog_get_space");
        ((string)spaceJson["timezone"]!).ShouldBe("Asia/Tokyo");
        space.ShouldContain("| Text formatting | markdown |");
        var (_, me) = await Server.OkAsync("backlog_get_myself");
        ((int)me["id"]!).ShouldBeGreaterThan(0);
        var (_, types) = await Server.OkAsync("backlog_get_issue_types", new { projectIdOrKey = "WEB" });
        types["issueTypes"]!.AsArray().Select(t => (string)t!["name"]!).ShouldBe(["バグ", "タスク", "要望"]);
        var (resolutions, _) = await Server.OkAsync("backlog_get_resolutions");
        resolutions.ShouldContain("| 4 | Cannot Reproduce |");
        var (fields, fieldsJson) = await Server.OkAsync("backlog_get_custom_fields", new { projectIdOrKey = "BLG" });
        fields.ShouldContain("| 2 | Platform | multiple list | no | iOS, Android, Web |");
        ((string)fieldsJson["customFields"]![0]!["kind"]!).ShouldBe("number");
        (await Server.ErrorAsync("backlog_get_custom_fields", new { projectIdOrKey = "NOPE" })).ShouldContain("NOPE");
    }

    [Fact]
    public async Task Project_issue_count_and_wiki_pages_answer_as_nulab_s_server_names_them()
    {
        var (project, projectJson) = await Server.OkAsync("backlog_get_project", new { projectIdOrKey = "WEB" });
        ((int)projectJson["id"]!).ShouldBe(11);
        ((string)projectJson["textFormattingRule"]!).ShouldNotBeNullOrEmpty();
        project.ShouldContain("| Key | WEB |");
        (await Server.ErrorAsync("backlog_get_project", new { projectIdOrKey = "NOPE" })).ShouldContain("No project.");

        // The count takes the list's filters, names resolved the same way: it agrees with the list's total.
        var (_, counted) = await Server.OkAsync("backlog_count_issues", new { projectIdOrKey = "BLG", statusId = new[] { "Open" } });
        var (_, listed) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", statusId = new[] { "Open" }, count = 1 });
        ((int)counted["count"]!).ShouldBe((int)listed["total"]!);
        ((int)counted["count"]!).ShouldBeGreaterThan(0);
        (await Server.ErrorAsync("backlog_count_issues", new { categoryId = new[] { "Nope" } })).ShouldContain("categoryId");

        var (pages, pagesJson) = await Server.OkAsync("backlog_get_wiki_pages", new { projectIdOrKey = "BLG" });
        pagesJson["wikiPages"]!.AsArray().Select(p => (string)p!["name"]!).ShouldBe(["Guides/Release checklist", "Guides/Setup", "Home"]);
        pages.ShouldContain("| 501 | Guides/Setup | guide, onboarding |");
        var (_, found) = await Server.OkAsync("backlog_get_wiki_pages", new { projectIdOrKey = "BLG", keyword = "make" });
        found["wikiPages"]!.AsArray().Select(p => (int)p!["id"]!).ShouldBe([501]);
        ((int)(await Server.OkAsync("backlog_get_wikis_count", new { projectIdOrKey = "BLG" })).Structured["count"]!).ShouldBe(3);

        var (wiki, wikiJson) = await Server.OkAsync("backlog_get_wiki", new { wikiId = 501 });
        wiki.ShouldContain("## Content\n\n## Setup\n\n1. Clone the repository.");
        wiki.ShouldContain("| 900 | architecture.png |");
        ((bool)wikiJson["truncated"]!).ShouldBeFalse();
        wikiJson["tags"]!.AsArray().Select(t => (string)t!).ShouldBe(["guide", "onboarding"]);
        (await Server.ErrorAsync("backlog_get_wiki", new { wikiId = 999 })).ShouldContain("No wiki.");
        (await Server.ErrorAsync("backlog_get_wiki", new { })).ShouldContain("wikiId");
    }

    [Fact]
    public async Task Git_repositories_and_pull_requests_answer_as_nulab_s_server_names_them()
    {
        var (repos, reposJson) = await Server.OkAsync("backlog_get_git_repositories", new { projectIdOrKey = "BLG" });
        reposJson["repositories"]!.AsArray().Select(r => (string)r!["name"]!).ShouldBe(["api", "web-client"]);
        repos.ShouldContain("| 700 | api | The REST API |");
        var (_, repo) = await Server.OkAsync("backlog_get_git_repository", new { projectIdOrKey = "BLG", repoIdOrName = "700" });
        ((string)repo["httpUrl"]!).ShouldEndWith("/git/BLG/api.git");
        (await Server.ErrorAsync("backlog_get_git_repository", new { projectIdOrKey = "BLG", repoIdOrName = "nope" })).ShouldContain("No repository.");

        var (list, listJson) = await Server.OkAsync("backlog_get_pull_requests", new { projectIdOrKey = "BLG", repoIdOrName = "api" });
        listJson["pullRequests"]!.AsArray().Select(p => (int)p!["number"]!).ShouldBe([3, 2, 1]);
        ((int)listJson["total"]!).ShouldBe(3);
        list.ShouldContain("| 3 | Fix the login redirect | Open | fix/login → main |");
        var (_, open) = await Server.OkAsync("backlog_get_pull_requests", new { projectIdOrKey = "BLG", repoIdOrName = "api", statusId = new object[] { "Open", 3 }, count = 1 });
        open["pullRequests"]!.AsArray().Select(p => (string)p!["status"]!).ShouldBe(["Open"]);
        ((int)open["total"]!).ShouldBe(2);
        ((int)open["nextOffset"]!).ShouldBe(1);
        ((int)(await Server.OkAsync("backlog_get_pull_requests_count", new { projectIdOrKey = "BLG", repoIdOrName = "api", statusId = "merged" })).Structured["count"]!).ShouldBe(1);
        (await Server.ErrorAsync("backlog_get_pull_requests", new { projectIdOrKey = "BLG", repoIdOrName = "api", statusId = "Draft" })).ShouldContain("1 Open, 2 Closed or 3 Merged");

        var (pull, pullJson) = await Server.OkAsync("backlog_get_pull_request", new { projectIdOrKey = "BLG", repoIdOrName = "api", number = 3 });
        ((string)pullJson["issueKey"]!).ShouldBe("BLG-1");
        pull.ShouldContain("Fixes BLG-1.");
        var (comments, commentsJson) = await Server.OkAsync("backlog_get_pull_request_comments", new { projectIdOrKey = "BLG", repoIdOrName = "api", number = 3, order = "asc" });
        commentsJson["comments"]!.AsArray().Select(c => (string)c!["content"]!).ShouldBe(["Please add a test.", "Added in the second commit."]);
        comments.ShouldContain("Nguyễn Văn Minh");
        (await Server.ErrorAsync("backlog_get_pull_request", new { projectIdOrKey = "BLG", repoIdOrName = "api", number = 9 })).ShouldContain("No pull request.");
    }

    [Fact]
    public async Task Notifications_and_watched_issues_of_the_key_s_user()
    {
        var (list, listJson) = await Server.OkAsync("backlog_get_notifications");
        listJson["notifications"]!.AsArray().Select(n => (int)n!["id"]!).ShouldBe([1004, 1003, 1002, 1001]);
        listJson["notifications"]![1]!["reasonName"]!.GetValue<string>().ShouldBe("assigned to a pull request");
        ((int)listJson["notifications"]![1]!["pullRequestNumber"]!).ShouldBe(3);
        list.ShouldContain("| 1001 | assigned to an issue | Nguyễn Văn Minh | BLG-1 ");
        var (_, window) = await Server.OkAsync("backlog_get_notifications", new { minId = 1002, maxId = 1003, order = "asc" });
        window["notifications"]!.AsArray().Select(n => (int)n!["id"]!).ShouldBe([1002, 1003]);
        (await Server.ErrorAsync("backlog_get_notifications", new { minId = 5, maxId = 2 })).ShouldContain("minId (5) is above maxId (2)");
        ((int)(await Server.OkAsync("backlog_count_notifications", new { alreadyRead = false })).Structured["count"]!).ShouldBe(3);
        ((int)(await Server.OkAsync("backlog_count_notifications")).Structured["count"]!).ShouldBe(4);

        var (watched, watchedJson) = await Server.OkAsync("backlog_get_watching_list_items");
        ((int)watchedJson["userId"]!).ShouldBe(1);
        watchedJson["items"]!.AsArray().Select(w => (string)w!["issueKey"]!).ShouldBe(["BLG-2", "BLG-1"]);
        watched.ShouldContain("| Waiting for the fix | yes |");
        ((int)(await Server.OkAsync("backlog_get_watching_list_count", new { resourceAlreadyRead = false })).Structured["count"]!).ShouldBe(1);
        ((int)(await Server.OkAsync("backlog_get_watching_list_count", new { userId = 3 })).Structured["count"]!).ShouldBe(0);
        (await Server.ErrorAsync("backlog_get_watching_list_items", new { userId = 99 })).ShouldContain("No user.");
    }

    [Fact]
    public async Task Documents_list_tree_and_one_whole()
    {
        var (list, listJson) = await Server.OkAsync("backlog_get_documents", new { projectIdOrKey = "BLG" });
        listJson["documents"]!.AsArray().Select(d => (string)d!["title"]!).ShouldBe(["On-call", "Code reviews", "Team handbook"]);
        listJson["nextOffset"].ShouldBeNull();
        list.ShouldContain("| 0193a1b2c3d4e5f60718293a4b5c6d71 | Code reviews | process |");
        var (_, page) = await Server.OkAsync("backlog_get_documents", new { projectIdOrKey = "BLG", count = 2, keyword = "e" });
        ((int)page["nextOffset"]!).ShouldBe(2);

        var (tree, treeJson) = await Server.OkAsync("backlog_get_document_tree", new { projectIdOrKey = "BLG" });
        treeJson["nodes"]!.AsArray().Select(n => ((string)n!["name"]!, (int)n["depth"]!, (bool)n["inTrash"]!))
            .ShouldBe([("Team handbook", 0, false), ("Code reviews", 1, false), ("On-call", 1, false), ("Old deploy notes", 0, true)]);
        tree.ShouldContain("  - Code reviews (`0193a1b2c3d4e5f60718293a4b5c6d71`)");
        tree.ShouldContain("## Trash");

        var (doc, docJson) = await Server.OkAsync("backlog_get_document", new { documentId = "0193a1b2c3d4e5f60718293a4b5c6d70" });
        docJson["childDocumentIds"]!.AsArray().Count.ShouldBe(2);
        ((bool)docJson["truncated"]!).ShouldBeFalse();
        doc.ShouldContain("# 📘 Team handbook");
        (await Server.ErrorAsync("backlog_get_document", new { documentId = "nope" })).ShouldContain("No document.");
    }

    [Fact]
    public async Task Field_selection_narrows_each_issue_and_keeps_the_answer_small_and_valid()
    {
        var (fullText, full) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 100 });
        var (narrowText, narrow) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", count = 100, fields = new[] { "summary", "status" } });
        narrow["issues"]!.AsArray().Count.ShouldBe(100);
        narrow["issues"]!.AsArray().ShouldAllBe(i => i!.AsObject().Select(p => p.Key).Order().SequenceEqual(new[] { "issueKey", "status", "summary" }));
        narrowText.ShouldContain("| issueKey | summary | status |");
        narrowText.ShouldContain("fields: [\"summary\", \"status\"]");
        var (fullCost, narrowCost) = (fullText.Length + full.ToJsonString().Length, narrowText.Length + narrow.ToJsonString().Length);
        narrowCost.ShouldBeLessThan(fullCost / 3, $"{narrowCost} characters against {fullCost}");
        (await Server.ErrorAsync("backlog_get_issue_list", new { fields = new[] { "summary", "colour" } })).ShouldContain("'colour' is not an issue field");
    }

    [Fact]
    public async Task An_issue_s_parent_and_children()
    {
        var (text, parent) = await Server.OkAsync("backlog_get_child_issues", new { issueIdOrKey = "BLG-3" });
        parent["parent"].ShouldBeNull();
        parent["children"]!.AsArray().Select(c => (string)c!["issueKey"]!).ShouldBe(["BLG-4", "BLG-5", "BLG-6"]);
        ((int)parent["total"]!).ShouldBe(3);
        text.ShouldContain("**Parent:** none (a top-level issue)");
        var (_, child) = await Server.OkAsync("backlog_get_child_issues", new { issueIdOrKey = "BLG-4" });
        ((string)child["parent"]!["issueKey"]!).ShouldBe("BLG-3");
        child["children"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Recent_updates_of_the_space_and_of_a_user_and_stars_received_as_nulab_s_server_names_them()
    {
        var (text, first) = await Server.OkAsync("backlog_get_space_activities", new { count = 5 });
        text.ShouldStartWith("# Recent Updates — Space");
        var page = first["activities"]!.AsArray();
        page.Count.ShouldBe(5);
        var ids = page.Select(a => (long)a!["id"]!).ToList();
        ids.ShouldBe(ids.OrderDescending().ToList(), "newest first");
        var next = (long)first["nextMaxId"]!;
        next.ShouldBe(ids[^1]);
        var (_, second) = await Server.OkAsync("backlog_get_space_activities", new { count = 5, maxId = next });
        second["activities"]!.AsArray().ShouldAllBe(a => (long)a!["id"]! < next);

        var (_, comments) = await Server.OkAsync("backlog_get_space_activities", new { activityTypeId = new[] { 3 }, count = 20 });
        comments["activities"]!.AsArray().ShouldAllBe(a => (int)a!["type"]! == 3 && (string)a["typeName"]! == "Issue commented" && a["comment"] != null);
        (await Server.ErrorAsync("backlog_get_space_activities", new { minId = 9, maxId = 3 })).ShouldContain("minId (9) is not below maxId (3)");
        (await Server.ErrorAsync("backlog_get_space_activities", new { activityTypeId = new[] { 99 } })).ShouldContain("numbers 1-26");

        var (_, mine) = await Server.OkAsync("backlog_get_user_recent_updates", new { count = 10 });
        var users = mine["activities"]!.AsArray().Select(a => (string?)a!["user"]).Distinct().ToList();
        users.Count.ShouldBe(1, "only the key's user's own updates");
        (await Server.OkAsync("backlog_get_user_recent_updates", new { userId = 2, count = 10 })).Structured["activities"]!.AsArray().Select(a => (string?)a!["user"]).ShouldNotContain(users[0]);

        ((int)(await Server.OkAsync("backlog_get_user_stars_count", new { userId = 2 })).Structured["count"]!).ShouldBe(3);
        var (since, recent) = await Server.OkAsync("backlog_get_user_stars_count", new { userId = 2, since = "2025-06-01", until = "2026-01-04" });
        ((int)recent["count"]!).ShouldBe(2, "the one from last year is outside; until includes its day");
        since.ShouldContain("from 2025-06-01 to 2026-01-04");
        (await Server.ErrorAsync("backlog_get_user_stars_count", new { since = "2026-02-01", until = "2026-01-01" })).ShouldContain("is after until");
    }

    [Fact]
    public async Task Issues_are_filtered_by_custom_fields_named_or_numbered_and_a_wrong_field_or_item_is_refused()
    {
        var (_, all) = await Server.OkAsync("backlog_count_issues", new { projectIdOrKey = "BLG" });
        var total = (int)all["count"]!;
        var (_, pointed) = await Server.OkAsync("backlog_count_issues", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = "Story points", min = 3 } } });
        var (_, small) = await Server.OkAsync("backlog_count_issues", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = 1, max = 2 } } });
        ((int)pointed["count"]!).ShouldBeGreaterThan(0);
        ((int)small["count"]!).ShouldBeGreaterThan(0);
        ((int)pointed["count"]! + (int)small["count"]!).ShouldBeLessThan(total, "issues without story points match neither");

        var (text, web) = await Server.OkAsync("backlog_get_issue_list", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = "platform", value = new[] { "Web" } } }, count = 5 });
        var keys = web["issues"]!.AsArray().Select(i => (string)i!["issueKey"]!).ToList();
        keys.Count.ShouldBe(5);
        foreach (var key in keys)
            (await Server.OkAsync("backlog_get_issue", new { issueIdOrKey = key })).Text.ShouldContain("Web");
        text.ShouldContain("customFields: [{\"field\":\"platform\",\"value\":[\"Web\"]}]", Case.Sensitive, "the next page keeps the filter");

        var (_, builds) = await Server.OkAsync("backlog_count_issues", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = "Found in build", value = "1.4.3" } } });
        ((int)builds["count"]!).ShouldBeGreaterThan(0);

        (await Server.ErrorAsync("backlog_count_issues", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = "Severity", value = "high" } } })).ShouldContain("its fields: Story points (1), Platform (2), Found in build (3)");
        (await Server.ErrorAsync("backlog_count_issues", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = "Platform", value = "Linux" } } })).ShouldContain("its items: iOS (1), Android (2), Web (3)");
        (await Server.ErrorAsync("backlog_count_issues", new { customFields = new object[] { new { field = 1, min = 1 } } })).ShouldContain("needs projectIdOrKey");
        (await Server.ErrorAsync("backlog_count_issues", new { projectIdOrKey = "BLG", customFields = new object[] { new { field = 1 } } })).ShouldContain("give value, min or max");
    }
}
