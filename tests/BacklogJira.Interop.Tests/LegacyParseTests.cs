using System.Text.Json;
using BacklogJira.Cli.Commands;
using BacklogJira.Testing;

namespace BacklogJira.Interop.Tests;

/// <summary>Issue 15, item 14: hand-written and legacy (marker-less) task files, as older Backlog.md versions and
/// people write them, parse exactly as <c>backlog task view --json</c> reads them.</summary>
public sealed class LegacyParseTests
{
    private static string Front(string id, string extra) =>
        $"---\nid: {id}\ntitle: {id}\nstatus: To Do\nassignee: []\ncreated_date: '2024-01-01'\nlabels: []\ndependencies: []\n{extra}---\n\n";

    private static readonly (string Id, string Extra, string Body)[] Files =
    [
        ("task-1", "parent_task_id: task-41\n", "## Description\n\n## Acceptance Criteria\n- [ ] First thing\n- [x] Second thing\n\n## Implementation Notes\n\nSome notes.\n"),
        ("task-2", "", "## Description\n## Acceptance Criteria\n- [ ] Only\n"),
        ("task-3", "", "## Description\n\nText first.\n\n## Acceptance Criteria\n- [ ] Item\n\n## My Custom Section\n\nCustom.\n"),
        ("task-4", "", "## Description\n\nLegacy text.\n\n## My Custom Section\n\nSwallowed by the legacy description.\n\n## Implementation Plan\n\n1. Step\n"),
        ("task-5", "", "## Description\n\n\n\n## Implementation Plan\n\nPlan right after an empty description.\n"),
        ("task-41", "", "## Description\n\nParent text.\n"),
    ];

    [Fact]
    public async Task Legacy_files_parse_exactly_as_backlog_task_view_json()
    {
        using var dir = new TempDirectory("bj-legacy");
        await BacklogCli.InitAsync(dir.Path, "--no-git");
        foreach (var (id, extra, body) in Files)
            await File.WriteAllTextAsync(Path.Combine(dir.Path, "backlog", "tasks", $"{id} - {id}.md"), Front(id, extra) + body);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ViewCommand.Run(dir.Path, [], all: true, json: true, stdout, stderr).ShouldBe(0, stderr.ToString());
        var ours = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("tasks").EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.Clone());
        var mismatches = new List<string>();
        foreach (var (id, _, _) in Files)
        {
            var view = (await BacklogCli.RunAsync(dir.Path, "task", "view", id, "--json")).EnsureSuccess("view");
            var cli = JsonDocument.Parse(view.Stdout).RootElement.GetProperty("task");
            var mine = ours[cli.GetProperty("id").GetString()!];
            foreach (var field in new[] { "description", "acceptanceCriteria", "implementationPlan", "implementationNotes", "parentTaskId", "finalSummary" })
            {
                var hasCli = cli.TryGetProperty(field, out var cliValue);
                var hasOurs = mine.TryGetProperty(field, out var ourValue);
                if (hasCli != hasOurs || (hasCli && !JsonElement.DeepEquals(cliValue, ourValue)))
                    mismatches.Add($"{id}.{field}: backlog={(hasCli ? cliValue.GetRawText() : "(absent)")} ours={(hasOurs ? ourValue.GetRawText() : "(absent)")}");
            }
        }
        mismatches.ShouldBeEmpty(string.Join("\n", mismatches));
    }
}
