namespace BacklogJira.Interop.Tests;

/// <summary>
/// A deterministic set of <c>backlog task create</c> / <c>task edit</c> command lines that exercises every flag and the
/// awkward text the spec lists: YAML-special titles, emoji, CJK, 100+ characters, code fences, checklists, subtasks.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Titles =
    [
        "Fix login: handle \"quoted\" names",
        "Hash #tag and @mention in title",
        "emoji 🎉🚀 rocket launch",
        "日本語のタスク 中文 한국어",
        "Ünïcödé title — with dash",
        "A very long title that keeps going and going well beyond the seventy-eight column limit of js-yaml folding rules",
        "yes",
        "123",
        "colon: at: many: places",
        "[bracket] at the start",
        "it's an apostrophe",
        "a: b # c",
        "Plain simple title",
        "Backticks `code` and ~tilde~",
        "percent 100% & ampersand",
        "Question? Exclamation! Semicolon;",
    ];

    private static readonly string[] Descriptions =
    [
        "Single line description.",
        "First paragraph with `inline code`.\n\nSecond paragraph:\n- bullet one\n- bullet two",
        "Steps:\n\n```bash\nnpm test\n\n\necho \"done\" # three blank lines above\n```\n\nAfter the fence.",
        "Mixed: colons: quotes \"x\" and 'y', emoji 🎉, CJK 漢字.",
        "Table:\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    ];

    public static IReadOnlyList<string[]> TopLevelCreates(int first, int count)
    {
        var commands = new List<string[]>();
        for (var i = first; i < first + count; i++)
        {
            var args = new List<string> { "task", "create" };
            if (i % 3 != 2)
            {
                args.AddRange(["-d", Descriptions[i % Descriptions.Length]]);
            }

            for (var ac = 0; ac < i % 4; ac++)
            {
                args.AddRange(["--ac", ac == 1 ? $"Criterion {ac + 1}, with a comma and `code`" : $"Criterion {ac + 1} for task {i}"]);
            }

            if (i % 5 == 0)
            {
                args.AddRange(["--dod", "Docs updated", "--dod", "Reviewed: by a peer"]);
            }

            if (i % 6 == 0)
            {
                args.AddRange(["--plan", "1. Investigate\n2. Fix\n3. Verify"]);
            }

            if (i % 7 == 0)
            {
                args.AddRange(["--notes", "Notes with **markdown** and a list:\n- one\n- two"]);
            }

            if (i % 11 == 0)
            {
                args.AddRange(["--final-summary", "Shipped in v1.2."]);
            }

            if (i % 2 == 0)
            {
                args.AddRange(["-l", i % 4 == 0 ? "backend,api" : "frontend"]);
            }

            if (i % 3 == 0)
            {
                args.AddRange(["-a", i % 2 == 0 ? "@alice" : "bob"]);
            }

            if (i % 9 == 0)
            {
                args.AddRange(["-a", "@carol.d"]);
            }

            string[] priorities = ["high", "medium", "low", ""];
            if (priorities[i % 4].Length > 0)
            {
                args.AddRange(["--priority", priorities[i % 4]]);
            }

            if (i % 5 == 1)
            {
                args.AddRange(["--type", i % 2 == 0 ? "bug" : "feature"]);
            }

            if (i % 8 == 3)
            {
                args.AddRange(["--due-date", $"2027-0{1 + (i % 9)}-1{i % 10}"]);
            }

            if (i % 10 == 4)
            {
                args.AddRange(["--ref", "https://example.com/issue/" + i, "--doc", "docs/spec.md"]);
            }

            if (i % 12 == 5)
            {
                args.AddRange(["-m", "v1.0"]);
            }

            if (i % 13 == 6)
            {
                args.AddRange(["--ordinal", (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }

            if (i % 14 == 7)
            {
                args.AddRange(["-s", "In Progress"]);
            }

            if (i - first > 20 && i % 15 == 0)
            {
                args.AddRange(["--dep", "task-3"]);
            }

            args.Add("--");
            args.Add($"{Titles[i % Titles.Length]} {i}");
            commands.Add([.. args]);
        }

        return commands;
    }

    public static IReadOnlyList<string[]> SubtaskCreates(int first, int count) =>
        Enumerable.Range(first, count).Select(i => new[]
        {
            "task", "create", "-p", $"task-{1 + (i % 20)}", "--ac", $"Child criterion {i}", "-d", "Child of a parent.\n\nWith two paragraphs.",
            "--", $"Subtask {i}: {Titles[(i + 3) % Titles.Length]}",
        }).ToList();

    /// <summary>Edits of the tasks just created; <paramref name="created"/> pairs each create command line with its id.</summary>
    public static IReadOnlyList<string[]> Edits(IReadOnlyList<(string[] Command, string Id)> created) =>
        created.Select((c, i) => (c.Command, c.Id, i)).Where(c => c.i % 5 == 2).Select(c => new[]
        {
            "task", "edit", c.Id, "--comment", $"Comment on {c.i}: looks good 👍", "--comment-author", "@rev",
            "--append-notes", "Appended note", "-s", "In Progress", "--add-label", "touched",
        }).Concat(created.Where(c => c.Command.Contains("--ac")).Take(25).Select(c => new[]
        {
            "task", "edit", c.Id, "--check-ac", "1", "--comment", "Second line\nof a multi-line comment",
        })).ToList();
}
