using System.Text;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Writing;
using BacklogJira.Testing;

namespace BacklogJira.BacklogMd.Tests.Fuzz;

/// <summary>
/// Issue 15, fuzz suite: mutated task files (truncation, binary junk, NUL, bad UTF-8, duplicate keys, tabs, deep
/// nesting, alias bombs, unclosed brackets, 2 MB lines) never crash a scan, every file is either a task or a problem
/// with a reason, and a file that does not parse is never written. BJ_FUZZ_FILES sets the size (CI: 1,000).
/// </summary>
public sealed class TaskFileFuzzTests : IDisposable
{
    private const string Config = "project_name: \"T\"\ndefault_status: \"To Do\"\nstatuses: [\"To Do\", \"In Progress\", \"Done\"]\ntask_prefix: \"task\"\n";
    private const string Valid = "---\nid: TASK-{0}\ntitle: Fuzzed {0}\nstatus: To Do\nassignee: ['@ann']\ncreated_date: '2026-01-02 10:00'\nlabels: [a, b]\ndependencies: []\n---\n\n## Description\n\n<!-- SECTION:DESCRIPTION:BEGIN -->\nText of {0}\n<!-- SECTION:DESCRIPTION:END -->\n\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [ ] #1 Works\n<!-- AC:END -->\n";

    private readonly TempDirectory _project = new("bj-fuzz");

    public TaskFileFuzzTests()
    {
        Directory.CreateDirectory(_project.Combine("backlog", "tasks"));
        File.WriteAllText(_project.Combine("backlog", "config.yml"), Config);
    }

    public void Dispose() => _project.Dispose();

    private static readonly Func<Random, byte[], byte[]>[] Mutations =
    [
        (r, b) => b[..r.Next(b.Length)],
        (r, b) => Insert(r, b, RandomBytes(r, r.Next(1, 64))),
        (r, b) => Insert(r, b, [0]),
        (r, b) => Insert(r, b, [0xC3, 0x28, 0xFF, 0xFE]),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\nstatus: Done\n")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\t")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\nx: " + new string('[', 500) + "\n")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\na: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("[To Do")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("{")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\n---\n")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\n? [k]\n: v\n")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("\nlong: " + new string('x', 2 * 1024 * 1024) + "\n")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("<!-- SECTION:DESCRIPTION:BEGIN -->")),
        (r, b) => Insert(r, b, Encoding.UTF8.GetBytes("<!-- AC:END -->")),
        (r, b) => [.. b.Where((_, i) => i % r.Next(2, 9) != 0)],
    ];

    private static byte[] Insert(Random random, byte[] bytes, byte[] piece)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. piece, .. bytes[at..]];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task Mutated_task_files_never_crash_a_scan_and_broken_ones_are_never_written()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("BJ_FUZZ_FILES"), out var n) ? n : 1000;
        var random = new Random(20261129);
        var contents = new Dictionary<string, byte[]>();
        for (var i = 1; i <= count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(Valid.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            for (var m = random.Next(1, 4); m > 0; m--) bytes = Mutations[random.Next(Mutations.Length)](random, bytes);
            var path = _project.Combine("backlog", "tasks", $"task-{i} - Fuzzed-{i}.md");
            File.WriteAllBytes(path, bytes);
            contents[path] = bytes;
        }
        var store = new BacklogMdTaskStore(ProjectLocator.Locate(_project.Path), TimeProvider.System);

        var scan = store.LoadAll();

        (scan.Tasks.Count + scan.Problems.Count).ShouldBe(count);
        scan.Problems.ShouldAllBe(p => p.Reason.Length > 0 && p.Line >= 1);
        // An edit aimed at a broken file is refused (one is enough: finding it means reading every file again).
        foreach (var problem in scan.Problems.Take(1))
        {
            var id = Path.GetFileName(problem.FilePath).Split(' ')[0][5..];
            await Should.ThrowAsync<Exception>(() => store.UpdateAsync(id, _ => new TaskEdit { Status = "Done" }, CancellationToken.None));
        }
        foreach (var (path, bytes) in contents.Where(c => scan.Problems.Any(p => p.FilePath == c.Key)))
            File.ReadAllBytes(path).ShouldBe(bytes, $"{path} did not parse and must stay as it was");
        Console.WriteLine($"fuzz: {count} files, {scan.Tasks.Count} parsed, {scan.Problems.Count} reported");
    }
}
