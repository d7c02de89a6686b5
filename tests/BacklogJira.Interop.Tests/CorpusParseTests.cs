using System.Text.Json;
using BacklogJira.Cli.Commands;

namespace BacklogJira.Interop.Tests;

/// <summary>Our parse of every CLI-made task equals <c>backlog task view --json</c>, field by field.</summary>
public sealed class CorpusParseTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    // Computed by the CLI from the dependency graph, not stored in the file; out of scope for a file parser.
    private static readonly HashSet<string> CliOnlyFields = ["dependencyGraph", "readiness", "isReady"];

    [Fact]
    public async Task Every_task_parses_exactly_as_backlog_task_view_json()
    {
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var shard in corpus.Roots)
        {
            var root = corpus.RootOf(shard);
            var ours = OurTasks(root);
            var views = await ParallelRunner.RunAllAsync(root, ours.Keys.Select(id => new[] { "task", "view", id, "--json" }), parallelism: 3);
            compared += views.Count;
            Compare(ours, views, mismatches);
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(30)));
        compared.ShouldBe(CorpusFixture.Total);
    }

    private static void Compare(Dictionary<string, JsonElement> ours, IReadOnlyList<BacklogJira.Testing.BacklogCli.Result> views, List<string> mismatches)
    {
        foreach (var view in views)
        {
            view.ExitCode.ShouldBe(0, view.Stderr);
            var cliTask = JsonDocument.Parse(view.Stdout).RootElement.GetProperty("task");
            var id = cliTask.GetProperty("id").GetString()!;
            if (!ours.TryGetValue(id, out var ourTask))
            {
                mismatches.Add($"{id}: missing from our parse");
                continue;
            }

            foreach (var field in cliTask.EnumerateObject().Where(f => !CliOnlyFields.Contains(f.Name)))
            {
                if (!ourTask.TryGetProperty(field.Name, out var ourValue))
                {
                    mismatches.Add($"{id}.{field.Name}: we do not output this field");
                }
                else if (!JsonElement.DeepEquals(field.Value, ourValue))
                {
                    mismatches.Add($"{id}.{field.Name}: backlog={field.Value.GetRawText()} ours={ourValue.GetRawText()}");
                }
            }
        }
    }

    [Fact]
    public void Corpus_covers_the_awkward_cases_the_spec_lists()
    {
        var files = corpus.Roots.SelectMany(r => Directory.GetFiles(Path.Combine(corpus.RootOf(r), "backlog", "tasks"))).Select(File.ReadAllText).ToList();
        files.Count.ShouldBe(CorpusFixture.Total);
        files.ShouldContain(f => f.Contains("title: >-", StringComparison.Ordinal), "a folded long title");
        files.ShouldContain(f => f.Contains("\\U0001F389", StringComparison.Ordinal), "an escaped emoji");
        files.ShouldContain(f => f.Contains("title: '", StringComparison.Ordinal), "a single-quoted title");
        files.ShouldContain(f => f.Contains("```bash", StringComparison.Ordinal), "a code fence");
        files.ShouldContain(f => f.Contains("parent_task_id:", StringComparison.Ordinal), "a subtask");
        files.ShouldContain(f => f.Contains("<!-- COMMENTS:BEGIN -->", StringComparison.Ordinal), "a comment");
        files.ShouldContain(f => f.Contains("- [x] #1", StringComparison.Ordinal), "a checked criterion");
        files.ShouldContain(f => f.Contains("日本語", StringComparison.Ordinal), "CJK text");
    }

    private static Dictionary<string, JsonElement> OurTasks(string root)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = ViewCommand.Run(root, [], all: true, json: true, stdout, stderr);
        exit.ShouldBe(0, stderr.ToString());
        var list = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("tasks");
        return list.EnumerateArray()
            .Where(t => t.GetProperty("folder").GetString() == "tasks")
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.Clone());
    }
}
