using BacklogJira.Core.Ports;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BacklogJira.Cli.Tests.Commands.Ui;

/// <summary>
/// Issue 19, the web UI in a real browser: Playwright drives Debian's chromium (no browser download) against a real
/// <c>backlog-jira ui</c> process, the Jira sandbox and the real <c>backlog</c> CLI. Each step asserts the task files and
/// the sandbox, not only the page. Screenshots of the main pages go to the test output folder, and to docs/images with
/// <c>BJ_UI_SCREENSHOTS=docs</c>.
/// </summary>
public class UiBrowserTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Chromium => Environment.GetEnvironmentVariable("BJ_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task Board_push_pull_conflict_create_and_import_through_the_browser()
    {
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        foreach (var title in new[] { "Write the parser", "Ship the release", "Not in Jira yet", "Fix the login bug", "Write user docs" })
            (await cli.BacklogAsync("task", "create", title, "-d", $"Words about {title.ToLowerInvariant()}.")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "TASK-1", "TASK-2")).ExitCode.ShouldBe(0);
        await using var ui = await UiProcess.StartAsync(cli);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        page.SetDefaultTimeout(20_000);
        using var jira = cli.Jira.Client();
        var store = () => BacklogJira.BacklogMd.BacklogMdTaskStore.Open(cli.Root);
        try
        {
            await StepsAsync(cli, ui, page, jira, store, Mapped(cli));
        }
        catch
        {
            // What the page said when a step failed.
            output.WriteLine(page.Url + "\n" + await page.InnerTextAsync("body"));
            throw;
        }
    }

    private static async Task StepsAsync(CliRun cli, UiProcess ui, IPage page, BacklogJira.Jira.Rest.JiraRestClient jira, Func<BacklogJira.BacklogMd.BacklogMdTaskStore> store, IReadOnlyDictionary<string, string> keys)
    {

        // The board: three tasks, two in sync, one unmapped; the token left the address bar.
        await page.GotoAsync(ui.Address.ToString());
        page.Url.ShouldNotContain("token");
        await Assertions.Expect(page.Locator("tr[data-task='TASK-1']")).ToHaveAttributeAsync("data-state", "in-sync");
        await Assertions.Expect(page.Locator("tr[data-task='TASK-3']")).ToHaveAttributeAsync("data-state", "unmapped");
        await ShotAsync(page, "ui-board");

        // Live: a title edited with the backlog CLI shows as needs-push without a reload.
        (await cli.BacklogAsync("task", "edit", "TASK-1", "-t", "Write the fast parser")).EnsureSuccess("edit");
        await Assertions.Expect(page.Locator("tr[data-task='TASK-1']")).ToHaveAttributeAsync("data-state", "needs-push");

        // Push through its plan.
        await page.ClickAsync("tr[data-task='TASK-1'] a >> text=TASK-1");
        await Assertions.Expect(page.Locator("tr[data-field='title'] td").Nth(1)).ToHaveTextAsync("Write the parser");
        await Assertions.Expect(page.Locator("tr[data-field='title'] td").Nth(2).Locator("del")).ToHaveTextAsync("fast ");
        await ShotAsync(page, "ui-pair");
        await page.ClickAsync("button:has-text('Push to Jira')");
        await Assertions.Expect(page.Locator("table.plan tr[data-field='title']")).ToContainTextAsync("Write the fast parser");
        await ShotAsync(page, "ui-plan");
        await page.ClickAsync("button:has-text('Apply this plan')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("pushed title");
        (await jira.GetIssueAsync(keys["TASK-1"], None))!.Summary.ShouldBe("Write the fast parser");

        // Pull through its plan.
        await jira.UpdateIssueAsync(keys["TASK-2"], new JiraIssueUpdate { Summary = "Ship the release on Friday" }, None);
        await page.GotoAsync(new Uri(ui.Root, "pair/TASK-2").ToString());
        await page.ClickAsync("button:has-text('Pull from Jira')");
        await page.ClickAsync("button:has-text('Apply this plan')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("pulled title");
        store().Get("TASK-2").Title.ShouldBe("Ship the release on Friday");

        // A plan applied after a side changed is refused, and nothing is written.
        (await cli.BacklogAsync("task", "edit", "TASK-2", "-t", "Ship it")).EnsureSuccess("edit");
        await page.GotoAsync(new Uri(ui.Root, "pair/TASK-2/plan?mode=push").ToString());
        await Assertions.Expect(page.Locator("table.plan tr[data-field='title']")).ToContainTextAsync("Ship it");
        (await cli.BacklogAsync("task", "edit", "TASK-2", "-t", "Ship it today")).EnsureSuccess("edit");
        await page.ClickAsync("button:has-text('Apply this plan')");
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("changed since the plan was made");
        (await jira.GetIssueAsync(keys["TASK-2"], None))!.Summary.ShouldBe("Ship the release on Friday");
        await jira.UpdateIssueAsync(keys["TASK-2"], new JiraIssueUpdate { Summary = "Ship it now" }, None);

        // The conflict (both titles changed), settled per field: take Jira.
        await page.GotoAsync(new Uri(ui.Root, "pair/TASK-2").ToString());
        await Assertions.Expect(page.Locator("#pair-state")).ToHaveTextAsync("conflict");
        await ShotAsync(page, "ui-conflict");
        await page.CheckAsync("input[name='choice.title'][value='jira']");
        await page.ClickAsync("button:has-text('Settle the chosen fields')");
        await Assertions.Expect(page.Locator("#pair-state")).ToHaveTextAsync("in-sync");
        store().Get("TASK-2").Title.ShouldBe("Ship it now");

        // A description changed on both sides, settled with a merge written by hand: both sides take it.
        (await cli.BacklogAsync("task", "edit", "TASK-1", "-d", "Words about the fast parser.")).EnsureSuccess("edit");
        await jira.UpdateIssueAsync(keys["TASK-1"], new JiraIssueUpdate { ChangeDescription = true, Description = "Words about the parser, with tests." }, None);
        await page.GotoAsync(new Uri(ui.Root, "pair/TASK-1").ToString());
        await Assertions.Expect(page.Locator("#pair-state")).ToHaveTextAsync("conflict");
        await page.CheckAsync("input[name='choice.description'][value='edit']");
        await page.FillAsync("textarea[name='edit.description']", "Words about the fast parser, with tests.");
        await page.ClickAsync("button:has-text('Settle the chosen fields')");
        await Assertions.Expect(page.Locator("#pair-state")).ToHaveTextAsync("in-sync");
        store().Get("TASK-1").Description.ShouldBe("Words about the fast parser, with tests.");
        (await jira.GetIssueAsync(keys["TASK-1"], None))!.Description.ShouldContain("Words about the fast parser, with tests.");

        // Create the issue of the unmapped task from the board.
        await page.GotoAsync(ui.Root.ToString());
        await page.ClickAsync("tr[data-task='TASK-3'] button:has-text('Create issue')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Created DEMO-3 for TASK-3");
        (await jira.GetIssueAsync("DEMO-3", None))!.Summary.ShouldBe("Not in Jira yet");

        // Suggested pairs (map auto's proposal): the task and the issue with the same title, paired when checked.
        var twin = await jira.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Fix the login bug" }, None);
        var docs = await jira.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Documentation for users" }, None);
        await page.ClickAsync("nav >> text=Suggested pairs");
        await Assertions.Expect(page.Locator("table.proposals tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"input[name='pair'][value='TASK-4={twin.Key}']")).ToBeCheckedAsync();
        await page.ClickAsync("button:has-text('Pair the checked ones')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Paired TASK-4 ⇄ {twin.Key}");
        Mapped(cli)["TASK-4"].ShouldBe(twin.Key);

        // Link by searching the issues' words.
        await page.ClickAsync("tr[data-task='TASK-5'] >> text=Find an issue…");
        await page.FillAsync("#q", "Documentation");
        await page.ClickAsync("button:has-text('Search')");
        await page.ClickAsync($"tr[data-key='{docs.Key}'] button:has-text('Link')");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Linked TASK-5 to {docs.Key}");
        Mapped(cli)["TASK-5"].ShouldBe(docs.Key);

        // Import by JQL: preview, then import exactly that.
        var created = await jira.CreateIssueAsync(new JiraIssueDraft { ProjectKey = "DEMO", IssueType = "Task", Summary = "Made in Jira" }, None);
        await page.ClickAsync("nav >> text=Import");
        await page.FillAsync("#jql", $"key = {created.Key}");
        await page.ClickAsync("button:has-text('Preview')");
        await Assertions.Expect(page.Locator("table.preview")).ToContainTextAsync("Made in Jira");
        await ShotAsync(page, "ui-import");
        await page.ClickAsync("button:has-text('Import 1 issue')");
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("1 task created");
        store().LoadAll(false, false).Tasks.ShouldContain(t => t.Title == "Made in Jira");

        var all = System.Text.Json.Nodes.JsonNode.Parse((await cli.RunAsync("status", "TASK-1", "TASK-2", "TASK-3", "--json")).Stdout)!["tasks"]!.AsArray();
        all.Select(t => t!["state"]!.GetValue<string>()).ShouldBe(["in-sync", "in-sync", "in-sync"]);
        Mapped(cli).Count.ShouldBe(6, "five tasks paired through the UI and one imported");
    }

    /// <summary>create-issue works on several tasks at once: which key each got is read from mappings.json.</summary>
    private static Dictionary<string, string> Mapped(CliRun cli) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Root, ".backlog-jira", "mappings.json")))!["mappings"]!.AsArray()
            .ToDictionary(m => m!["taskId"]!.GetValue<string>(), m => m!["jiraKey"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);

    private static async Task ShotAsync(IPage page, string name)
    {
        // Every page shot is also checked by axe-core (the accessibility engine browsers' dev tools use).
        var axe = await page.RunAxe();
        axe.Passes.Length.ShouldBeGreaterThan(10, "axe ran its rules on the page");
        axe.Violations.ShouldBeEmpty(name + ": " + string.Join("; ", axe.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        var folder = Environment.GetEnvironmentVariable("BJ_UI_SCREENSHOTS") == "docs"
            ? Path.Combine(RepositoryRoot(), "docs", "images")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BacklogJira.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
