using System.Globalization;
using System.Text.RegularExpressions;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Testing;

namespace BacklogJira.Interop.Tests;

/// <summary>A task we create is the file <c>backlog task create</c> makes from the same input: same id, name and bytes.</summary>
public sealed partial class CreateInteropTests
{
    public static TheoryData<string> Cases() => [.. Creates.Keys];

    private static readonly Dictionary<string, (string[] InitFlags, string[] CliArgs, NewTask Ours)> Creates = new()
    {
        ["rich"] = ([], ["-d", "First line\n\nSecond `code`", "--ac", "Works", "--ac", "Tested, really", "--dod", "Docs", "--plan", "1. Do",
                "--notes", "Notes", "--final-summary", "Done", "-a", "@alice", "-a", "bob", "-l", "api,ui", "--priority", "high", "--type", "feature",
                "--due-date", "2027-03-04", "--ref", "https://example.com/x", "--doc", "docs/spec.md", "-m", "v1.0", "--", "Rich: \"quoted\" #tag"],
            new NewTask
            {
                Title = "Rich: \"quoted\" #tag", Description = "First line\n\nSecond `code`", AcceptanceCriteria = ["Works", "Tested, really"],
                DefinitionOfDone = ["Docs"], ImplementationPlan = "1. Do", ImplementationNotes = "Notes", FinalSummary = "Done",
                Assignees = ["@alice", "bob"], Labels = ["api", "ui"], Priority = "high", Type = "feature", DueDate = "2027-03-04",
                References = ["https://example.com/x"], Documentation = ["docs/spec.md"], Milestone = "v1.0",
            }),
        ["emoji-long-title"] = ([], ["--", "emoji 🎉 and a very long title that keeps going well beyond the seventy eight column limit"],
            new NewTask { Title = "emoji 🎉 and a very long title that keeps going well beyond the seventy eight column limit" }),
        ["folded-title"] = ([], ["-s", "In Progress", "--", "A plain but very long title that keeps going and going well beyond the seventy-eight column limit"],
            new NewTask { Title = "A plain but very long title that keeps going and going well beyond the seventy-eight column limit", Status = "In Progress" }),
        ["subtask"] = ([], ["-p", "1", "--ac", "Child", "--", "Child: of one"],
            new NewTask { Title = "Child: of one", ParentId = "1", AcceptanceCriteria = ["Child"] }),
        ["zero-padded"] = (["--zero-padded-ids", "3"], ["--", "Padded"], new NewTask { Title = "Padded" }),
        ["zero-padded-subtask"] = (["--zero-padded-ids", "3"], ["-p", "1", "--", "Padded child"], new NewTask { Title = "Padded child", ParentId = "1" }),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_create_writes_the_same_file_as_backlog_task_create(string name)
    {
        var (initFlags, cliArgs, ours) = Creates[name];
        using var cliCopy = new TempDirectory("bj-create-cli");
        await BacklogCli.InitAsync(cliCopy.Path, ["--no-git", .. initFlags]);
        (await BacklogCli.RunAsync(cliCopy.Path, "task", "create", "-l", "seed", "--", "Existing task")).EnsureSuccess("seed");
        using var ourCopy = new TempDirectory("bj-create-ours");
        TempDirectory.Copy(cliCopy.Path, ourCopy.Path);
        var tasks = Path.Combine("backlog", "tasks");
        var before = Directory.GetFiles(Path.Combine(cliCopy.Path, tasks)).Select(Path.GetFileName).ToHashSet();

        (await BacklogCli.RunAsync(cliCopy.Path, ["task", "create", .. cliArgs])).EnsureSuccess(name);
        var cliFile = Directory.GetFiles(Path.Combine(cliCopy.Path, tasks)).Single(f => !before.Contains(Path.GetFileName(f)));
        var cliText = File.ReadAllText(cliFile);
        var created = DateTimeOffset.ParseExact(CreatedDate().Match(cliText).Groups[1].Value, "yyyy-MM-dd HH:mm",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        var store = new BacklogMdTaskStore(ProjectLocator.Locate(ourCopy.Path), new FixedClock(created));
        var task = await store.CreateAsync(ours, CancellationToken.None);

        Path.GetFileName(task.FilePath).ShouldBe(Path.GetFileName(cliFile));
        File.ReadAllText(task.FilePath).ShouldBe(cliText);
        Directory.Exists(Path.Combine(ourCopy.Path, "backlog", ".locks", "create")).ShouldBeFalse("the create lock is released");
    }

    [GeneratedRegex(@"created_date: '(\d{4}-\d{2}-\d{2} \d{2}:\d{2})'")]
    private static partial Regex CreatedDate();
}
