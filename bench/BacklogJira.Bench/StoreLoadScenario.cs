using System.Diagnostics;
using System.Globalization;
using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.Testing;

namespace BacklogJira.Bench;

/// <summary>Load-and-parse (issue 2): N tasks, our full parse vs <c>backlog task list --json</c> on the same tree, in one run.</summary>
internal static class StoreLoadScenario
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        using var project = new TempDirectory("bj-bench");
        await BacklogCli.InitAsync(project.Path, "--no-git");
        (await BacklogCli.RunAsync(project.Path, "task", "create", "-d", "Benchmark task.\n\nWith a second paragraph.", "--ac", "One", "--ac", "Two",
            "--plan", "1. a\n2. b", "-l", "bench,load", "--priority", "medium", "--", "Template: task")).EnsureSuccess("create");
        var tasksDir = Path.Combine(project.Path, "backlog", "tasks");
        var template = File.ReadAllText(Directory.GetFiles(tasksDir).Single());
        for (var i = 2; i <= count; i++)
        {
            File.WriteAllText(Path.Combine(tasksDir, $"task-{i} - Template-task-{i}.md"),
                template.Replace("id: TASK-1\n", $"id: TASK-{i}\n", StringComparison.Ordinal).Replace("title: 'Template: task'", $"title: 'Template: task {i}'", StringComparison.Ordinal));
        }

        var store = new BacklogMdTaskStore(ProjectLocator.Locate(project.Path), TimeProvider.System);
        store.LoadAll(); // warm-up: JIT and file cache, so both sides read from a warm page cache

        var cli = Stopwatch.StartNew();
        var list = await BacklogCli.RunAsync(project.Path, "task", "list", "--json");
        cli.Stop();
        list.EnsureSuccess("task list --json");

        var loads = Enumerable.Range(0, 5).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            var scan = store.LoadAll(includeDrafts: false, includeArchived: false);
            watch.Stop();
            if (scan.Tasks.Count != count)
            {
                throw new InvalidOperationException($"parsed {scan.Tasks.Count} of {count}");
            }

            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        var lookups = Enumerable.Range(0, 21).Select(i =>
        {
            var watch = Stopwatch.StartNew();
            _ = store.Get((1 + (i * 397 % count)).ToString(CultureInfo.InvariantCulture));
            watch.Stop();
            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToList();

        var ours = loads[loads.Count / 2];
        Console.WriteLine($"tasks: {count}");
        Console.WriteLine($"backlog task list --json (1.52.0): {cli.Elapsed.TotalMilliseconds,10:F0} ms");
        Console.WriteLine($"our LoadAll (median of 5):         {ours,10:F0} ms");
        Console.WriteLine($"ratio (CLI / ours):                {cli.Elapsed.TotalMilliseconds / ours,10:F1}x");
        Console.WriteLine($"our single lookup by id (median):  {lookups[lookups.Count / 2],10:F2} ms  ({ours / lookups[lookups.Count / 2]:F0}x faster than a full parse)");
    }
}
