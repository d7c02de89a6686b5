using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Json;
using BacklogJira.Cli.Rendering;
using BacklogJira.Core.Merge;
using BacklogJira.Operations;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using static BacklogJira.Cli.Commands.Mcp.Serve.AgentSchemas;

namespace BacklogJira.Cli.Commands.Mcp.Serve;

/// <summary>
/// The tools of <c>mcp serve</c> (docs/agents.md): each a thin face over one operation of
/// <see cref="PairOperations"/> or <see cref="IssueOperations"/>, answering a short text and the pairs as the CLI's
/// <c>--json</c> prints them. A plan carries the fingerprints it was made from; applying it refuses when they moved.
/// </summary>
internal static class AgentTools
{
    public static IReadOnlyList<AgentTool> Create(PairOperations pairs, IssueOperations issues) =>
    [
        new("jira_sync_status", "Sync status of every pair",
            "What each Backlog.md task paired with a Jira issue needs: in-sync, needs-push, needs-pull, conflict, missing, unmapped; with the field changes that would be made and what waits (and why). Reads only.",
            Object(new JsonObject { ["taskIds"] = TaskIds }), Pairs, false, false, true,
            async (args, token) => Answer("status", await pairs.StatusAsync(args.List("taskIds"), token))),

        new("jira_pair_view", "One pair side by side",
            "One task and its issue field by field: the Backlog value, the Jira value, and what a sync would do with each. Reads only.",
            Object(new JsonObject { ["taskId"] = Text("The task id, e.g. TASK-12.") }, "taskId"),
            Object(new JsonObject
            {
                ["pair"] = Pair,
                ["fields"] = ArrayOf(Object(new JsonObject
                {
                    ["field"] = new JsonObject { ["type"] = "string" }, ["backlog"] = new JsonObject { ["type"] = "string" },
                    ["jira"] = new JsonObject { ["type"] = "string" }, ["action"] = new JsonObject { ["type"] = "string" }, ["reason"] = new JsonObject { ["type"] = "string" },
                }, "field", "backlog", "jira", "action", "reason")),
            }, "pair", "fields"),
            false, false, true, async (args, token) => View(await pairs.ViewAsync(args.Required("taskId"), token))),

        new("jira_task_history", "What was synced, and when",
            "The last operations of the ops log (pushes, pulls, conflicts, creations, imports), oldest first; of one task when taskId is given. Reads only.",
            Object(new JsonObject { ["taskId"] = Text("Only this task's operations."), ["count"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 500, ["description"] = "How many (default 20)." } }),
            Object(new JsonObject { ["operations"] = ArrayOf(new JsonObject { ["type"] = "object" }) }, "operations"),
            false, false, true,
            (args, _) =>
            {
                var count = args.Count("count", 1, 500) ?? 20;
                var operations = pairs.History(args.Text("taskId"), count);
                var text = operations.Count == 0 ? "No operations in the ops log yet." : string.Join("\n", operations.Select(o => o.ToJsonString()));
                return Task.FromResult(new AgentAnswer(text, new JsonObject { ["operations"] = new JsonArray([.. operations.Select(o => o.DeepClone())]) }));
            }),

        new("jira_sync_plan", "Plan a push, pull or sync",
            "What a push, pull or sync would write, field by field, without writing anything. The answer carries mode, strategy and basis (fingerprints of both sides); give them unchanged to jira_sync_apply to make exactly these writes.",
            Object(new JsonObject { ["mode"] = Choice("push, pull or sync (the default).", "push", "pull", "sync"), ["taskIds"] = TaskIds, ["strategy"] = StrategySchema }),
            Object(new JsonObject
            {
                ["mode"] = new JsonObject { ["type"] = "string" },
                ["strategy"] = new JsonObject { ["type"] = "string" },
                ["writes"] = new JsonObject { ["type"] = "integer" },
                ["pairs"] = ArrayOf(Pair),
                ["basis"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            }, "mode", "strategy", "writes", "pairs", "basis"),
            false, false, true, async (args, token) => Plan(await pairs.PlanAsync(Mode(args), args.List("taskIds"), Strategy(args), token))),

        new("jira_sync_apply", "Apply a plan",
            "Makes exactly the writes of a plan from jira_sync_plan (pass its mode, strategy and basis). Refused, with nothing written, if either side of any pair changed since the plan was made: plan again and look at the new plan.",
            Object(new JsonObject
            {
                ["mode"] = Choice("The plan's mode.", "push", "pull", "sync"),
                ["strategy"] = StrategySchema,
                ["basis"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" }, ["description"] = "The plan's basis, unchanged." },
            }, "mode", "strategy", "basis"),
            Pairs, true, true, false,
            async (args, token) => Answer("apply", await pairs.ApplyAsync(Mode(args), Strategy(args) ?? ConflictStrategy.Manual, Basis(args), token))),

        new("jira_push", "Push tasks to Jira",
            "Writes Backlog.md changes to the paired Jira issues now (changes made in Jira are left for a pull). Prefer jira_sync_plan + jira_sync_apply to see the writes first.",
            Object(new JsonObject { ["taskIds"] = TaskIds, ["strategy"] = StrategySchema }), Pairs, true, true, true,
            async (args, token) => Answer("push", await pairs.RunAsync(SyncMode.Push, args.List("taskIds"), Strategy(args), token))),

        new("jira_pull", "Pull Jira changes into tasks",
            "Writes Jira changes into the paired task files now (changes made in Backlog.md are left for a push).",
            Object(new JsonObject { ["taskIds"] = TaskIds, ["strategy"] = StrategySchema }), Pairs, true, true, true,
            async (args, token) => Answer("pull", await pairs.RunAsync(SyncMode.Pull, args.List("taskIds"), Strategy(args), token))),

        new("jira_resolve_conflict", "Settle a conflict field by field",
            "Settles one pair's conflicts: for each field named in choices, keep the Backlog or the Jira value (the other side takes it); for a text field (title, description, implementationPlan, implementationNotes, finalSummary) named in values, both sides take the text given (e.g. a merge of both). Other conflicts stay; other changes are synced.",
            Object(new JsonObject
            {
                ["taskId"] = Text("The task id."),
                ["choices"] = new JsonObject
                {
                    ["type"] = "object", ["description"] = "Field name → \"backlog\" or \"jira\", e.g. {\"title\": \"jira\"}.",
                    ["additionalProperties"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("backlog", "jira") },
                },
                ["values"] = new JsonObject
                {
                    ["type"] = "object", ["description"] = "Text field name → the text both sides take, e.g. {\"description\": \"merged words\"}.",
                    ["additionalProperties"] = new JsonObject { ["type"] = "string" },
                },
            }, "taskId"),
            Object(new JsonObject { ["pair"] = Pair }, "pair"), true, true, false,
            async (args, token) =>
            {
                var taskId = args.Required("taskId");
                var choices = args.Object("choices") is null ? [] : Choices(args);
                var values = args.Object("values") ?? [];
                if (choices.Count == 0 && values.Count == 0) throw new AgentInputException("give choices ({\"title\": \"jira\"}) or values ({\"description\": \"text\"}), or both.");
                PairOutcome? outcome = null;
                foreach (var (field, text) in values)
                    outcome = await pairs.SettleWithTextAsync(taskId, field, text is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new AgentInputException($"values.{field} must be text."), token);
                if (choices.Count > 0) outcome = await pairs.ResolveAsync(taskId, choices, token);
                return new AgentAnswer(Line(outcome!), new JsonObject { ["pair"] = PairNode(outcome!) });
            }),

        new("jira_create_issue", "Create Jira issues for tasks",
            "Creates an issue for each unmapped task and pairs them (a retry never makes a second issue). preview: true shows what would be created and writes nothing.",
            Object(new JsonObject { ["taskIds"] = Texts("Task ids to create issues for."), ["issueType"] = Text("Issue type (default: config jira.issueType)."), ["preview"] = Flag("Write nothing; show the issues that would be made.") }, "taskIds"),
            Pairs, true, false, true,
            async (args, token) => Answer("create-issue", await issues.CreateIssuesAsync(args.List("taskIds"), args.Text("issueType"), args.Flag("preview"), token))),

        new("jira_link", "Pair a task with an existing issue",
            "Pairs a task with an issue that already exists; force replaces the task's current pairing. The next sync settles their fields.",
            Object(new JsonObject { ["taskId"] = Text("The task id."), ["jiraKey"] = Text("The issue key, e.g. DEMO-12."), ["force"] = Flag("Replace the task's current pairing.") }, "taskId", "jiraKey"),
            Object(new JsonObject { ["taskId"] = new JsonObject { ["type"] = "string" }, ["jiraKey"] = new JsonObject { ["type"] = "string" }, ["jiraId"] = Nullable("string") }, "taskId", "jiraKey", "jiraId"),
            true, false, true,
            async (args, token) =>
            {
                var mapping = await issues.LinkAsync(args.Required("taskId"), args.Required("jiraKey"), args.Flag("force"), token);
                return new AgentAnswer($"{mapping.TaskId} ⇄ {mapping.JiraKey}: paired; run jira_sync_plan to see what a sync would do.",
                    new JsonObject { ["taskId"] = mapping.TaskId, ["jiraKey"] = mapping.JiraKey, ["jiraId"] = mapping.JiraId });
            }),

        new("jira_map_propose", "Suggest pairs for unpaired tasks",
            "Pairs map auto would make between unpaired tasks and unpaired issues of the project: a Jira key in the task title, or titles at least minScore similar (0-1, default 0.8). Writes nothing; pair one with jira_link.",
            Object(new JsonObject { ["minScore"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1, ["description"] = "Lowest title similarity, 0-1 (default 0.8)." } }),
            Object(new JsonObject
            {
                ["pairs"] = ArrayOf(Object(new JsonObject
                {
                    ["taskId"] = new JsonObject { ["type"] = "string" }, ["jiraKey"] = new JsonObject { ["type"] = "string" },
                    ["score"] = new JsonObject { ["type"] = "number" }, ["reason"] = new JsonObject { ["type"] = "string" },
                }, "taskId", "jiraKey", "score", "reason")),
            }, "pairs"),
            false, false, true,
            async (args, token) =>
            {
                var proposals = await issues.ProposePairsAsync(args.Number("minScore", 0, 1) ?? 0.8, token);
                var text = proposals.Count == 0 ? "No unpaired task matches an unpaired issue." : string.Join("\n", proposals.Select(p => $"- {p.TaskId} ⇄ {p.JiraKey} ({p.Reason})"));
                return new AgentAnswer(text, new JsonObject
                {
                    ["pairs"] = new JsonArray([.. proposals.Select(p => (JsonNode)new JsonObject { ["taskId"] = p.TaskId, ["jiraKey"] = p.JiraKey, ["score"] = p.Score, ["reason"] = p.Reason })]),
                });
            }),

        new("jira_search_issues", "Find issues to link",
            "Issues found by words (summary, description, comments), an issue key, or JQL, at most limit (default 20), each with the task it is already paired with (null: free to link with jira_link). Reads only.",
            Object(new JsonObject
            {
                ["query"] = Text("Words, a key (DEMO-12) or JQL (\"project = DEMO AND status = 'To Do'\")."),
                ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100, ["description"] = "How many (default 20)." },
            }, "query"),
            Object(new JsonObject
            {
                ["issues"] = ArrayOf(Object(new JsonObject
                {
                    ["key"] = new JsonObject { ["type"] = "string" }, ["summary"] = new JsonObject { ["type"] = "string" },
                    ["status"] = new JsonObject { ["type"] = "string" }, ["pairedWith"] = Nullable("string"),
                }, "key", "summary", "status", "pairedWith")),
            }, "issues"),
            false, false, true,
            async (args, token) =>
            {
                var found = await issues.SearchIssuesAsync(args.Required("query"), args.Count("limit", 1, 100) ?? 20, token);
                var text = found.Count == 0 ? "No issue found." : string.Join("\n", found.Select(i => $"- {i.Key} [{i.Status}] {i.Summary}{(i.PairedWith is { } t ? $" (paired with {t})" : "")}"));
                return new AgentAnswer(text, new JsonObject
                {
                    ["issues"] = new JsonArray([.. found.Select(i => (JsonNode)new JsonObject { ["key"] = i.Key, ["summary"] = i.Summary, ["status"] = i.Status, ["pairedWith"] = i.PairedWith })]),
                });
            }),

        new("jira_import_preview", "Preview an import",
            "The tasks an import would create from the unpaired issues a JQL query finds (default: config jira.jqlFilter, else the project). Writes nothing.",
            Object(new JsonObject { ["jql"] = Text("JQL, e.g. \"project = DEMO AND sprint in openSprints()\".") }), Pairs, false, false, true,
            async (args, token) => Answer("import preview", await issues.ImportAsync(args.Text("jql"), true, token))),

        new("jira_import", "Import issues as tasks",
            "Creates a task for each unpaired issue a JQL query finds and pairs them (issues already paired are skipped; a retry never makes a second task).",
            Object(new JsonObject { ["jql"] = Text("JQL (default: config jira.jqlFilter, else the project).") }), Pairs, true, false, true,
            async (args, token) => Answer("import", await issues.ImportAsync(args.Text("jql"), false, token))),
    ];

    private static SyncMode Mode(AgentArgs args) => args.Text("mode") switch
    {
        null or "sync" => SyncMode.Sync,
        "push" => SyncMode.Push,
        "pull" => SyncMode.Pull,
        var other => throw new AgentInputException($"mode \"{other}\" is not push, pull or sync."),
    };

    private static ConflictStrategy? Strategy(AgentArgs args) => args.Text("strategy") is not { } text ? null
        : text == "prompt" ? throw new AgentInputException("strategy \"prompt\" needs a terminal; use manual, prefer-backlog or prefer-jira (or jira_resolve_conflict per field).")
        : SyncConfig.TryParseStrategy(text) ?? throw new AgentInputException($"strategy \"{text}\" is not manual, prefer-backlog or prefer-jira.");

    private static Dictionary<string, string> Basis(AgentArgs args) =>
        (args.Object("basis") ?? throw new AgentInputException("basis is required: pass the basis of the plan from jira_sync_plan, unchanged."))
            .ToDictionary(b => b.Key, b => b.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new AgentInputException("basis must be the plan's basis, unchanged."), StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, ConflictChoice> Choices(AgentArgs args) =>
        (args.Object("choices") ?? throw new AgentInputException("choices is required, e.g. {\"title\": \"jira\"}."))
            .ToDictionary(c => c.Key, c => (c.Value as JsonValue)?.ToString() switch
            {
                "backlog" => ConflictChoice.Backlog,
                "jira" => ConflictChoice.Jira,
                var other => throw new AgentInputException($"choices.{c.Key} is \"{other}\"; use \"backlog\" or \"jira\"."),
            }, StringComparer.OrdinalIgnoreCase);

    private static JsonNode PairNode(PairOutcome outcome) => JsonSerializer.SerializeToNode(RunReport.ToJson(outcome), RunJsonContext.Default.PairJson)!;

    private static JsonArray PairNodes(IEnumerable<PairOutcome> outcomes) => new([.. outcomes.Select(PairNode)]);

    private static AgentAnswer Answer(string what, IReadOnlyList<PairOutcome> outcomes)
    {
        var lines = outcomes.Count == 0 ? [$"{what}: no pairs."] : outcomes.Select(Line).Prepend($"{what}: {outcomes.Count} pair(s)");
        return new AgentAnswer(string.Join("\n", lines), new JsonObject { ["pairs"] = PairNodes(outcomes) });
    }

    private static string Line(PairOutcome outcome)
    {
        var parts = new List<string> { RunReport.StateName(outcome.State) };
        if (outcome.Changes.Count > 0) parts.Add(string.Join(", ", outcome.Changes.Select(c => $"{c.Field} {c.Direction}")));
        if (outcome.Pushed.Count > 0) parts.Add("pushed " + string.Join(", ", outcome.Pushed));
        if (outcome.Pulled.Count > 0) parts.Add("pulled " + string.Join(", ", outcome.Pulled));
        if (outcome.Conflicts.Count > 0) parts.Add("conflict on " + string.Join(", ", outcome.Conflicts));
        parts.AddRange(outcome.Waiting.Select(w => "waits: " + w.Reason));
        if (outcome.Error is { } error) parts.Add("error: " + error);
        return $"- {outcome.TaskId} ⇄ {outcome.JiraKey ?? "(no issue)"}: {string.Join("; ", parts)}";
    }

    private static AgentAnswer View(PairOutcome outcome)
    {
        var fields = new JsonArray([.. outcome.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["field"] = f.Field, ["backlog"] = f.Backlog, ["jira"] = f.Jira, ["action"] = f.Decision.Action.ToString(), ["reason"] = f.Decision.Reason,
        })]);
        var text = Line(outcome) + "\n" + string.Join("\n", outcome.Fields.Select(f => $"  {f.Field}: Backlog {Short(f.Backlog)} | Jira {Short(f.Jira)} → {f.Decision.Action}"));
        return new AgentAnswer(text, new JsonObject { ["pair"] = PairNode(outcome), ["fields"] = fields });
    }

    private static AgentAnswer Plan(SyncPlan plan)
    {
        var answer = Answer($"{plan.Mode.ToString().ToLowerInvariant()} plan ({plan.Writes} write(s))", plan.Pairs);
        return answer with
        {
            Text = answer.Text + "\nApply exactly this plan with jira_sync_apply(mode, strategy, basis) from this answer.",
            Structured = new JsonObject
            {
                ["mode"] = plan.Mode.ToString().ToLowerInvariant(),
                ["strategy"] = StrategyName(plan.Strategy),
                ["writes"] = plan.Writes,
                ["pairs"] = PairNodes(plan.Pairs),
                ["basis"] = new JsonObject([.. plan.Basis.Select(b => KeyValuePair.Create(b.Key, (JsonNode?)b.Value))]),
            },
        };
    }

    private static string StrategyName(ConflictStrategy strategy) => strategy switch
    {
        ConflictStrategy.PreferBacklog => "prefer-backlog",
        ConflictStrategy.PreferJira => "prefer-jira",
        _ => "manual",
    };

    private static string Short(string text)
    {
        var line = text.Replace("\n", "⏎", StringComparison.Ordinal);
        return "\"" + (line.Length > 60 ? line[..57] + "…" : line) + "\"";
    }
}
