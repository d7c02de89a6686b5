using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Testing;

namespace BacklogJira.BacklogMd.Tests;

/// <summary>Broken files are reported with path, line and reason, skipped, and never rewritten.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string Config = "project_name: \"T\"\ndefault_status: \"To Do\"\nstatuses: [\"To Do\", \"In Progress\", \"Done\"]\ntask_prefix: \"task\"\n";
    private readonly TempDirectory _project = new("bj-bad");

    public BadInputTests()
    {
        Directory.CreateDirectory(_project.Combine("backlog", "tasks"));
        File.WriteAllText(_project.Combine("backlog", "config.yml"), Config);
    }

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("truncated", "---\nid: TASK-1\ntitle: Cut off", 3, "not closed")]
    [InlineData("invalid-yaml", "---\nid: TASK-1\ntitle: Foo: bar\n---\n\nBody\n", 3, "invalid YAML")]
    [InlineData("no-frontmatter", "# Just markdown\n\nNo frontmatter here.\n", 1, "missing frontmatter")]
    [InlineData("bad-due-date", "---\nid: TASK-1\ntitle: x\ndue_date: 2026-02-30\n---\n", 4, "due_date")]
    [InlineData("at-in-label", "---\nid: TASK-1\ntitle: x\nlabels: [@x]\n---\n", 4, "invalid YAML")]
    [InlineData("empty", "", 1, "empty")]
    [InlineData("no-id", "---\ntitle: x\n---\n", 2, "no 'id'")]
    [InlineData("unclosed-bracket", "---\nid: TASK-1\ntitle: x\nstatus: [To Do\n---\n", 4, "never closed")]
    [InlineData("unclosed-brace", "---\nid: TASK-1\ntitle: x\nstatus: {To Do\n---\n", 4, "never closed")]
    [InlineData("complex-key", "---\nid: TASK-1\n? [a, b]\n: x\n---\n", 1, "does not parse")]
    public void A_broken_file_is_reported_with_line_and_reason_and_left_untouched(string name, string content, int line, string reason)
    {
        var path = _project.Combine("backlog", "tasks", $"task-1 - {name}.md");
        File.WriteAllText(path, content);
        var store = new BacklogMdTaskStore(ProjectLocator.Locate(_project.Path), TimeProvider.System);

        var scan = store.LoadAll();

        scan.Tasks.ShouldBeEmpty();
        var problem = scan.Problems.ShouldHaveSingleItem();
        problem.FilePath.ShouldBe(path);
        problem.Line.ShouldBe(line);
        problem.Reason.ShouldContain(reason);
        File.ReadAllText(path).ShouldBe(content);
    }

    [Fact]
    public async Task Duplicate_ids_are_reported_and_id_commands_refuse_them()
    {
        File.WriteAllText(_project.Combine("backlog", "tasks", "task-7 - one.md"), "---\nid: TASK-7\ntitle: one\nstatus: To Do\n---\n");
        Directory.CreateDirectory(_project.Combine("backlog", "completed"));
        File.WriteAllText(_project.Combine("backlog", "completed", "task-007 - two.md"), "---\nid: task-007\ntitle: two\nstatus: Done\n---\n");
        var store = new BacklogMdTaskStore(ProjectLocator.Locate(_project.Path), TimeProvider.System);

        var duplicate = store.LoadAll().Duplicates.ShouldHaveSingleItem();
        duplicate.Id.ShouldBe("TASK-7");
        duplicate.FilePaths.Count.ShouldBe(2);

        var error = await Should.ThrowAsync<TaskLookupException>(() => store.UpdateAsync("7", _ => new TaskEdit { Status = "Done" }, CancellationToken.None));
        error.Message.ShouldContain("ambiguous");
        error.Message.ShouldContain("backlog doctor");
    }

    [Fact]
    public async Task A_BOM_and_CRLF_file_parses_and_an_edit_keeps_both()
    {
        var path = _project.Combine("backlog", "tasks", "task-3 - crlf.md");
        var original = "\uFEFF---\r\nid: TASK-3\r\ntitle: Windows file\r\nstatus: To Do\r\nlabels: []\r\n---\r\n\r\n## Description\r\n\r\n<!-- SECTION:DESCRIPTION:BEGIN -->\r\nLine one\r\nLine two\r\n<!-- SECTION:DESCRIPTION:END -->\r\n";
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(original));
        var store = new BacklogMdTaskStore(ProjectLocator.Locate(_project.Path), new FixedClock(new DateTimeOffset(2026, 11, 21, 10, 30, 0, TimeSpan.Zero)));

        var task = store.Get("3");
        task.Title.ShouldBe("Windows file");
        task.Description.ShouldBe("Line one\nLine two");

        await store.UpdateAsync("3", _ => new TaskEdit { Status = "In Progress" }, CancellationToken.None);

        System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path)).ShouldBe(original
            .Replace("status: To Do\r\n", "status: In Progress\r\nupdated_date: '2026-11-21 10:30'\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_frontmatter_keys_and_sections_survive_an_edit()
    {
        var path = _project.Combine("backlog", "tasks", "task-4 - keep.md");
        var original = "---\nid: TASK-4\ntitle: Keep\nstatus: To Do\njira_key: PROJ-9\ncustom:\n  nested: true\n---\n\n## Notes of mine\n\nKeep me.\n";
        File.WriteAllText(path, original);
        var store = new BacklogMdTaskStore(ProjectLocator.Locate(_project.Path), new FixedClock(new DateTimeOffset(2026, 11, 21, 10, 30, 0, TimeSpan.Zero)));

        var task = await store.UpdateAsync("4", _ => new TaskEdit { Title = "Kept" }, CancellationToken.None);

        task.ExtraFrontmatterKeys["jira_key"].ShouldBe("PROJ-9");
        // updated_date goes where the CLI puts it (after status); everything else is as it was.
        File.ReadAllText(path).ShouldBe(original.Replace("title: Keep\n", "title: Kept\n", StringComparison.Ordinal)
            .Replace("status: To Do\n", "status: To Do\nupdated_date: '2026-11-21 10:30'\n", StringComparison.Ordinal));
    }
}
