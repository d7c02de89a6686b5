using System.Globalization;
using System.Text.RegularExpressions;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Testing;

namespace BacklogJira.Interop.Tests;

/// <summary>
/// Each edit we make is compared with the same edit made by <c>backlog task edit</c> on a copy of the same project: the
/// files must be byte-identical (so we change exactly the lines the CLI changes), and untouched tasks stay untouched.
/// </summary>
public sealed partial class EditInteropTests(EditInteropTests.BaseProject baseProject) : IClassFixture<EditInteropTests.BaseProject>
{
    public sealed class BaseProject : IAsyncLifetime, IDisposable
    {
        private readonly TempDirectory _directory = new("bj-edit-base");

        public string Root => _directory.Path;

        public async Task InitializeAsync()
        {
            await BacklogCli.InitAsync(Root, "--no-git");
            (await BacklogCli.RunAsync(Root, "task", "create", "-d", "First line\n\nSecond paragraph with `code`", "--ac", "Works",
                "--ac", "Tested, really", "--ac", "Third: with colon", "--dod", "Docs", "--plan", "1. Do\n2. Check", "--notes", "Some notes",
                "-a", "@alice", "-l", "api,ui", "--priority", "high", "--", "Rich: task with \"everything\"")).EnsureSuccess("create rich");
            (await BacklogCli.RunAsync(Root, "task", "edit", "1", "--check-ac", "1", "--comment", "Looks good", "--comment-author", "@rev")).EnsureSuccess("edit rich");
            (await BacklogCli.RunAsync(Root, "task", "create", "--", "Sparse task")).EnsureSuccess("create sparse");
            (await BacklogCli.RunAsync(Root, "task", "create", "-d", "Never touched", "--", "Bystander 🎉")).EnsureSuccess("create bystander");
        }

        public void Dispose() => _directory.Dispose();

        public Task DisposeAsync()
        {
            _directory.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var edit in Edits.Keys)
        {
            data.Add(edit, "1");
            data.Add(edit, "2");
        }

        return data;
    }

    private static readonly Dictionary<string, (string[] CliArgs, Func<BacklogMdTask, TaskEdit> Ours)> Edits = new()
    {
        ["status"] = (["-s", "In Progress"], _ => new TaskEdit { Status = "In Progress" }),
        ["title"] = (["-t", "Renamed: now with 'quotes' and 日本語"], _ => new TaskEdit { Title = "Renamed: now with 'quotes' and 日本語" }),
        ["labels"] = (["-l", "backend", "-l", "needs review"], _ => new TaskEdit { Labels = ["backend", "needs review"] }),
        ["assignee"] = (["-a", "@bob"], _ => new TaskEdit { Assignees = ["@bob"] }),
        ["priority"] = (["--priority", "low"], _ => new TaskEdit { Priority = "low" }),
        ["ac-add"] = (["--ac", "A new criterion, with comma"], t => new TaskEdit { AcceptanceCriteria = ChecklistEdits.Add(t.AcceptanceCriteria, "A new criterion, with comma") }),
        ["ac-check"] = (["--check-ac", "1"], t => new TaskEdit { AcceptanceCriteria = t.AcceptanceCriteria.Count > 0 ? ChecklistEdits.Check(t.AcceptanceCriteria, 1) : null }),
        ["ac-uncheck"] = (["--uncheck-ac", "1"], t => new TaskEdit { AcceptanceCriteria = t.AcceptanceCriteria.Count > 0 ? ChecklistEdits.Uncheck(t.AcceptanceCriteria, 1) : null }),
        ["ac-remove"] = (["--remove-ac", "2"], t => new TaskEdit { AcceptanceCriteria = t.AcceptanceCriteria.Count > 1 ? ChecklistEdits.Remove(t.AcceptanceCriteria, 2) : null }),
        ["plan"] = (["--plan", "New plan\n\n- step"], _ => new TaskEdit { ImplementationPlan = "New plan\n\n- step" }),
        ["notes"] = (["--notes", "Rewritten notes"], _ => new TaskEdit { ImplementationNotes = "Rewritten notes" }),
        ["notes-clear"] = (["--notes", ""], _ => new TaskEdit { ImplementationNotes = "" }),
        ["description"] = (["-d", "A new description\n\n```\ncode\n```"], _ => new TaskEdit { Description = "A new description\n\n```\ncode\n```" }),
        ["comment"] = (["--comment", "Second opinion: ship it", "--comment-author", "@carol"], _ => new TaskEdit { AddComments = [new NewComment("Second opinion: ship it", "@carol")] }),
        ["final-summary"] = (["--final-summary", "Shipped."], _ => new TaskEdit { FinalSummary = "Shipped." }),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_edit_writes_the_same_bytes_as_backlog_task_edit(string edit, string taskId)
    {
        var (cliArgs, ours) = Edits[edit];
        using var cliCopy = new TempDirectory("bj-edit-cli");
        using var ourCopy = new TempDirectory("bj-edit-ours");
        TempDirectory.Copy(baseProject.Root, cliCopy.Path);
        TempDirectory.Copy(baseProject.Root, ourCopy.Path);
        var before = Snapshot(baseProject.Root);

        var cli = await BacklogCli.RunAsync(cliCopy.Path, ["task", "edit", taskId, .. cliArgs]);
        var cliFiles = Snapshot(cliCopy.Path);
        var changedByCli = cliFiles.Where(f => f.Value != before[f.Key]).Select(f => f.Key).ToList();

        var store = new BacklogMdTaskStore(ProjectLocator.Locate(ourCopy.Path), new FixedClock(UpdatedDateOf(cliFiles, changedByCli)));
        await store.UpdateAsync(taskId, ours, CancellationToken.None);
        var ourFiles = Snapshot(ourCopy.Path);

        if (cli.ExitCode != 0)
        {
            ourFiles.ShouldBe(before, $"the CLI refused this edit ({cli.Stderr.Trim()}), so we must not change anything either");
            return;
        }

        foreach (var (path, text) in cliFiles)
        {
            ourFiles[path].ShouldBe(text, $"{path} after '{edit}' on task {taskId}");
        }

        var view = await BacklogCli.RunAsync(ourCopy.Path, "task", "view", taskId, "--json");
        view.ExitCode.ShouldBe(0, view.Stderr);
    }

    [Fact]
    public async Task A_custom_section_after_a_legacy_description_survives_our_description_edit()
    {
        using var copy = new TempDirectory("bj-edit-legacy");
        TempDirectory.Copy(baseProject.Root, copy.Path);
        var path = Directory.GetFiles(Path.Combine(copy.Path, "backlog", "tasks"), "task-2 *").Single();
        var legacy = File.ReadAllText(path).Split("---\n")[1];
        File.WriteAllText(path, $"---\n{legacy}---\n\n## Description\n\nLegacy description\n\n## My Custom Section\n\nCustom content.\n");

        var store = new BacklogMdTaskStore(ProjectLocator.Locate(copy.Path), TimeProvider.System);
        await store.UpdateAsync("2", _ => new TaskEdit { Description = "Fresh description" }, CancellationToken.None);

        var text = File.ReadAllText(path);
        text.ShouldContain("## My Custom Section\n\nCustom content.");
        var view = await BacklogCli.RunAsync(copy.Path, "task", "view", "2", "--json");
        view.Stdout.ShouldContain("\"description\": \"Fresh description\"");
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFiles(Path.Combine(root, "backlog", "tasks")).ToDictionary(
            f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    private static DateTimeOffset UpdatedDateOf(Dictionary<string, string> files, List<string> changed)
    {
        var match = changed.Select(c => UpdatedDate().Match(files[c])).FirstOrDefault(m => m.Success);
        return match is null
            ? DateTimeOffset.UnixEpoch
            : DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex(@"updated_date: '(\d{4}-\d{2}-\d{2} \d{2}:\d{2})'")]
    private static partial Regex UpdatedDate();
}
