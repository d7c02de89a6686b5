using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Merge;
using BacklogJira.Sync.CustomFields;
using BacklogJira.Sync.Fields;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

/// <summary>
/// <c>.backlog-jira/config.json</c> with the original plugin's keys (docs/reference/original-plugin.md §2.4) plus
/// <c>schemaVersion</c>. Read once per command and validated with errors that name the key; written back from the
/// same JSON tree, so keys this version does not know are kept.
/// </summary>
public sealed class SyncConfig
{
    public const int CurrentSchemaVersion = 1;

    private readonly JsonObject _json;

    private SyncConfig(JsonObject json)
    {
        _json = json;
        // Every problem is collected, so one run names them all instead of one per attempt.
        var problems = new List<string>();
        T Read<T>(Func<T> read, T fallback)
        {
            try { return read(); }
            catch (SyncConfigException error) { problems.Add(error.Message); return fallback; }
        }
        ProjectKey = Read(() => Text("jira", "projectKey") ?? "", "");
        IssueType = Read(() => Text("jira", "issueType") is { Length: > 0 } type ? type : "Task", "Task");
        CreateVersions = Read(() => Flag("jira", "createVersions"), false);
        MilestonesAsSprints = Read(ReadMilestonesAsSprints, false);
        SprintBoardId = Read(ReadSprintBoardId, null);
        if (MilestonesAsSprints) Fields = [.. SyncFieldCatalog.All.Select(f => f == SyncFieldCatalog.Milestone ? SyncFieldCatalog.SprintMilestone : f)];
        ProjectMap = Read(() => StringMap(Section("jira")?["projectMap"], "jira.projectMap"), new Dictionary<string, string>());
        JqlFilter = Read(() => Text("jira", "jqlFilter") ?? "", "");
        Strategy = Read(() => ParseStrategy(Text("sync", "conflictStrategy")), ConflictStrategy.Prompt);
        WatchInterval = Read(ReadWatchInterval, DefaultWatchInterval);
        CommentsSince = Read(ReadCommentsSince, null);
        Statuses = Read(ReadStatuses, StatusMapping.Default);
        Priorities = Read(ReadPriorities, PriorityMapping.Default);
        IReadOnlyDictionary<string, string> none = new Dictionary<string, string>();
        StatusCategories = Read(() => StringMap(Section("backlog")?["statusCategories"], "backlog.statusCategories"), none);
        Assignees = Read(() => new AssigneeMapping(StringMap(Section("backlog")?["assigneeMapping"], "backlog.assigneeMapping")), new AssigneeMapping(none));
        TransitionFields = Read(() => StringMap(Section("jira")?["transitionFields"], "jira.transitionFields"), none);
        TransitionTargets = Read(() => StringMap(Section("jira")?["transitionTargets"], "jira.transitionTargets"), none);
        Transport = Read(() => ParseTransport(Text("jira", "transport"), "jira.transport in config.json"), JiraTransportKind.Rest);
        Mcp = Read(ReadMcp, new McpServerConfig(null, [], none));
        IssueTypes = Read(() => new IssueTypeMapping(StringMap(Section("backlog")?["typeMapping"], "backlog.typeMapping"), IssueType), new IssueTypeMapping(none, IssueType));
        FieldSwitches = Read(ReadFieldSwitches, new Dictionary<string, bool>());
        CustomFieldRules = Read(() => CustomFieldRuleReader.Read(json["customFields"], [.. SyncFieldCatalog.All.Select(f => f.Name)],
            name => SyncFieldCatalog.Find(name) is { } field && Syncs(field)), []);
        if (problems.Count == 1) throw new SyncConfigException(problems[0]);
        if (problems.Count > 1)
            throw new SyncConfigException($"{problems.Count} problems in .backlog-jira/config.json:\n  - " + string.Join("\n  - ", problems));
        Warnings = ConfigKeys.Warnings(json);
    }

    public static readonly TimeSpan DefaultWatchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Keys the file holds that this version does not know (kept, not used), each with a likely meant key.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Time between <c>watch</c> cycles when <c>--interval</c> is not given (config <c>sync.watchInterval</c>:
    /// seconds, or a text such as <c>"5m"</c>).</summary>
    public TimeSpan WatchInterval { get; }

    /// <summary>Config <c>sync.commentsSince</c> (<c>YYYY-MM-DD</c>): comments made before that day are left out of
    /// the sync on both sides (never compared or copied), so switching comments on for a long-lived project does not copy
    /// its old threads. Null: every comment.</summary>
    public string? CommentsSince { get; }

    private string? ReadCommentsSince()
    {
        var text = Text("sync", "commentsSince");
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? text.Trim()
            : throw new SyncConfigException($"'sync.commentsSince' in config.json is \"{text}\"; use a date such as \"2026-01-31\" (comments made before it are not synced), or remove it to sync every comment.");
    }

    private TimeSpan ReadWatchInterval()
    {
        var node = Section("sync")?["watchInterval"];
        if (node is null) return DefaultWatchInterval;
        var interval = node.GetValueKind() switch
        {
            JsonValueKind.Number when node.AsValue().TryGetValue<int>(out var seconds) && seconds >= 1 => TimeSpan.FromSeconds(seconds),
            JsonValueKind.String => IntervalText.Parse(node.GetValue<string>()),
            _ => null,
        };
        return interval ?? throw new SyncConfigException(
            $"'sync.watchInterval' in config.json is {node.ToJsonString()}; use a number of seconds, 1 or more (e.g. 60), or a text such as \"90s\", \"5m\" or \"1h\".");
    }

    public string ProjectKey { get; }
    public string IssueType { get; }

    /// <summary>Backlog.md project name → Jira project key (config <c>jira.projectMap</c>): where <c>create-issue</c> puts a
    /// task of that project, and which project an imported issue's task belongs to. Tasks without a project go to
    /// <see cref="ProjectKey"/>.</summary>
    public IReadOnlyDictionary<string, string> ProjectMap { get; }

    /// <summary>The Jira project for a task of <paramref name="backlogProject"/>: the map's, else the default for a task
    /// without a project (or when no map is set); null when a map is set and does not name the project, since guessing
    /// would file the issue in the wrong project.</summary>
    public string? JiraProjectFor(string? backlogProject)
    {
        if (string.IsNullOrWhiteSpace(backlogProject) || ProjectMap.Count == 0) return ProjectKey.Length > 0 ? ProjectKey : null;
        return ProjectMap.FirstOrDefault(p => string.Equals(p.Key, backlogProject.Trim(), StringComparison.OrdinalIgnoreCase)).Value;
    }

    /// <summary>The Backlog.md project whose tasks go to <paramref name="jiraProjectKey"/>, if the map names one.</summary>
    public string? BacklogProjectFor(string jiraProjectKey) =>
        ProjectMap.FirstOrDefault(p => string.Equals(p.Value, jiraProjectKey, StringComparison.OrdinalIgnoreCase)).Key;

    /// <summary>Every Jira project this repository syncs with: the default and the map's.</summary>
    public IReadOnlyList<string> JiraProjects => [.. new[] { ProjectKey }.Concat(ProjectMap.Values).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether a milestone with no Jira version creates one (config <c>jira.createVersions</c>, default false).</summary>
    public bool CreateVersions { get; }

    /// <summary>Config <c>jira.milestoneAs</c>: <c>"sprint"</c> maps a task's milestone to the issue's sprint (docs/sync.md,
    /// "Milestones"); <c>"fixVersion"</c> (the default) to its fix version.</summary>
    public bool MilestonesAsSprints { get; }

    /// <summary>Config <c>jira.sprintBoardId</c>: the scrum board whose sprints milestones name; null: the project's first.</summary>
    public long? SprintBoardId { get; }

    private bool ReadMilestonesAsSprints() => Text("jira", "milestoneAs")?.Trim().ToLowerInvariant() switch
    {
        null or "" or "fixversion" or "fixversions" => false,
        "sprint" => true,
        var other => throw new SyncConfigException($"'jira.milestoneAs' in config.json is \"{other}\"; use \"fixVersion\" (the default) or \"sprint\"."),
    };

    private long? ReadSprintBoardId() => Section("jira")?["sprintBoardId"] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var id) && id > 0 => id,
        var other => throw new SyncConfigException($"'jira.sprintBoardId' in config.json is {other.ToJsonString()}; use the board's number, e.g. 12 (from the board's address in Jira, rapidView=12 or boards/12)."),
    };
    public string JqlFilter { get; }
    public ConflictStrategy Strategy { get; }
    public StatusMapping Statuses { get; }
    public PriorityMapping Priorities { get; }

    /// <summary>The Backlog status for each Jira status category (<c>new</c>, <c>indeterminate</c>, <c>done</c>), config
    /// <c>backlog.statusCategories</c>: read for a Jira status the mapping does not name.</summary>
    public IReadOnlyDictionary<string, string> StatusCategories { get; }
    public AssigneeMapping Assignees { get; }

    /// <summary>Values for required transition screen fields (e.g. <c>resolution → Done</c>), config <c>jira.transitionFields</c>.</summary>
    public IReadOnlyDictionary<string, string> TransitionFields { get; }

    /// <summary>Where a transition leads, by transition name (config <c>jira.transitionTargets</c>); the MCP transport
    /// needs it for workflows whose transitions are not named after their target status.</summary>
    public IReadOnlyDictionary<string, string> TransitionTargets { get; }

    /// <summary>How Jira is reached (config <c>jira.transport</c>): REST by default, or an MCP Atlassian server.</summary>
    public JiraTransportKind Transport { get; }

    /// <summary>The MCP server to start (config <c>mcp</c>; the original's <c>serverCommand</c>, <c>serverArgs</c> and
    /// <c>envVars</c> are read too).</summary>
    public McpServerConfig Mcp { get; }

    /// <summary>Task types ⇄ issue types (config <c>backlog.typeMapping</c>, over Backlog.md's default types).</summary>
    public IssueTypeMapping IssueTypes { get; }

    /// <summary>Fields turned on or off (config <c>sync.fields</c>, e.g. <c>{"reporter": true}</c>); a field not named
    /// keeps its default.</summary>
    public IReadOnlyDictionary<string, bool> FieldSwitches { get; }

    /// <summary>Config <c>customFields</c> (docs/field-mapping.md), checked for what needs no Jira.</summary>
    public IReadOnlyList<CustomFieldRule> CustomFieldRules { get; }

    /// <summary>The rules' descriptors, once <see cref="CustomFieldBinder"/> has bound them to Jira's fields this run.</summary>
    public IReadOnlyList<ISyncField> RuleFields { get; private set; } = [];

    /// <summary>Every field this run syncs: the built-in ones, then the custom-field rules once bound.</summary>
    public IReadOnlyList<ISyncField> Fields { get; private set; } = SyncFieldCatalog.All;

    /// <summary>The field named <paramref name="name"/> among <see cref="Fields"/>.</summary>
    public ISyncField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The Jira fields custom-field rules read, by id or name, for the client to ask for with every issue.</summary>
    public IReadOnlyList<string> CustomJiraFields => [.. CustomFieldRules.Select(r => r.JiraField).Distinct(StringComparer.OrdinalIgnoreCase)];

    internal void UseRuleFields(IReadOnlyList<ISyncField> fields)
    {
        Fields = [.. Fields.Except(RuleFields), .. fields];
        RuleFields = fields;
    }

    /// <summary>The pairs of this project, for fields that name other pairs (dependencies); set by the command that runs
    /// the sync from <c>mappings.json</c>, and again as pairs are made.</summary>
    public PairDirectory Pairs { get; private set; } = PairDirectory.Empty;

    public void UsePairs(IEnumerable<TaskMapping> mappings) => Pairs = new PairDirectory(mappings);

    /// <summary>Config <c>jira.subtaskIssueType</c>: the issue type a subtask's issue is made with; null: the project's
    /// own (Subtask on Cloud, Sub-task on Data Center).</summary>
    public string? SubtaskIssueType => Text("jira", "subtaskIssueType") is { Length: > 0 } type ? type.Trim() : null;

    /// <summary>Config <c>jira.dependencyLinkType</c>: the issue link type a task's dependencies travel as ("TASK-3
    /// depends on TASK-2" ⇔ "DEMO-2 blocks DEMO-3" with the default, Blocks).</summary>
    public string DependencyLinkType => Text("jira", "dependencyLinkType") is { Length: > 0 } type ? type.Trim() : "Blocks";

    /// <summary>Whether issue reads must bring each issue's links (the <c>dependencies</c> field is on).</summary>
    public bool ReadsIssueLinks => Syncs(SyncFieldCatalog.Dependencies);

    /// <summary>Whether issue reads must bring each issue's remote links (the <c>references</c> field is on).</summary>
    public bool ReadsRemoteLinks => Syncs(SyncFieldCatalog.References);

    /// <summary>Whether issue reads must bring each issue's sprints (milestones are sprints and the field is on).</summary>
    public bool ReadsSprints => MilestonesAsSprints && Syncs(SyncFieldCatalog.Milestone);

    /// <summary>Whether issue reads must bring each issue's comments (the <c>comments</c> field is on).</summary>
    public bool ReadsComments => Syncs(SyncFieldCatalog.Comments);

    /// <summary>Whether <paramref name="field"/> is synced under this config.</summary>
    public bool Syncs(ISyncField field) => FieldSwitches.TryGetValue(field.Name, out var on) ? on : field.SyncedByDefault;

    public JsonObject Json => _json;

    private Dictionary<string, bool> ReadFieldSwitches()
    {
        var switches = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        switch (Section("sync")?["fields"])
        {
            case null:
                return switches;
            case JsonObject fields:
                var switchable = SyncFieldCatalog.All.Where(f => f.Switchable).Select(f => f.Name).ToList();
                foreach (var (name, value) in fields)
                {
                    if (!switchable.Contains(name, StringComparer.OrdinalIgnoreCase))
                        throw new SyncConfigException($"'sync.fields.{name}' in config.json is not a field that can be switched; use one of {string.Join(", ", switchable)}.");
                    if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                        throw new SyncConfigException($"'sync.fields.{name}' in config.json is {value?.ToJsonString() ?? "null"}; use true or false.");
                    switches[name] = value.GetValue<bool>();
                }
                return switches;
            default:
                throw new SyncConfigException("'sync.fields' in config.json must be an object of field names and true/false, e.g. {\"reporter\": true}.");
        }
    }

    public static JiraTransportKind ParseTransport(string? text, string where) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "rest" => JiraTransportKind.Rest,
        "mcp" => JiraTransportKind.Mcp,
        _ => throw new SyncConfigException($"{where} is \"{text}\"; use \"rest\" (the default) or \"mcp\"."),
    };

    private McpServerConfig ReadMcp()
    {
        var mcp = Section("mcp");
        var command = Text("mcp", "command") ?? Text("mcp", "serverCommand");
        var argsNode = mcp?["args"] ?? mcp?["serverArgs"];
        IReadOnlyList<string> args = argsNode switch
        {
            null => [],
            JsonArray list when list.All(i => i?.GetValueKind() == JsonValueKind.String) => [.. list.Select(i => i!.GetValue<string>())],
            _ => throw new SyncConfigException("'mcp.args' in config.json must be a list of strings, e.g. [\"mcp-atlassian@0.23.1\"]."),
        };
        var env = StringMap(mcp?["env"] ?? mcp?["envVars"], "mcp.env");
        return new McpServerConfig(string.IsNullOrWhiteSpace(command) ? null : command, args, env);
    }

    public static JsonObject Defaults(string projectKey = "") => new()
    {
        ["schemaVersion"] = CurrentSchemaVersion,
        ["jira"] = new JsonObject { ["baseUrl"] = "", ["projectKey"] = projectKey, ["issueType"] = "Task", ["jqlFilter"] = "" },
        ["backlog"] = new JsonObject
        {
            ["statusMapping"] = new JsonObject
            {
                ["To Do"] = new JsonArray("To Do", "Open", "Backlog"),
                ["In Progress"] = new JsonArray("In Progress"),
                ["Done"] = new JsonArray("Done", "Closed", "Resolved"),
            },
        },
        ["sync"] = new JsonObject { ["conflictStrategy"] = "prompt", ["watchInterval"] = 60 },
    };

    public static SyncConfig Parse(string json, string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException error)
        {
            throw new SyncConfigException($"{path} is not valid JSON (line {error.LineNumber + 1}): {error.Message} Fix the file at that line, or move it away (e.g. to config.json.bak) and run 'backlog-jira init --project-key <KEY>' to write a new one.");
        }
        if (node is not JsonObject obj) throw new SyncConfigException($"{path} must hold a JSON object. Run 'backlog-jira init' to recreate it.");
        if (obj["schemaVersion"] is JsonValue version && version.TryGetValue<int>(out var number) && number > CurrentSchemaVersion)
            throw new SyncConfigException($"{path} has schemaVersion {number}, newer than this backlog-jira understands ({CurrentSchemaVersion}). Upgrade backlog-jira.");
        return new SyncConfig(obj);
    }

    public static SyncConfig Load(StatePaths paths)
    {
        if (!File.Exists(paths.Config)) throw new SyncConfigException($"{paths.Config} not found. Run 'backlog-jira init' first.");
        return Parse(File.ReadAllText(paths.Config), paths.Config).WithStateRoot(paths.Root);
    }

    /// <summary>The project's <c>.backlog-jira</c> folder when the config was loaded from one (null when parsed from text):
    /// where a transport keeps what it must remember between runs.</summary>
    public string? StateRoot { get; private set; }

    private SyncConfig WithStateRoot(string root)
    {
        StateRoot = root;
        return this;
    }

    /// <summary>Writes the JSON tree back (temp + rename), with <c>schemaVersion</c> set.</summary>
    public static async Task SaveAsync(StatePaths paths, JsonObject json, CancellationToken cancellationToken)
    {
        json["schemaVersion"] = CurrentSchemaVersion;
        Directory.CreateDirectory(paths.Root);
        await AtomicFile.WriteAllTextAsync(paths.Config, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken);
    }

    /// <summary>Fails with the key to fix when a command needs the Jira project.</summary>
    public string RequireProjectKey() => ProjectKey.Length > 0
        ? ProjectKey
        : throw new SyncConfigException("jira.projectKey is empty in .backlog-jira/config.json. Set it to your Jira project key, e.g. \"PROJ\", or run 'backlog-jira configure'.");

    private JsonObject? Section(string name) => _json[name] switch
    {
        null => null,
        JsonObject section => section,
        _ => throw new SyncConfigException($"'{name}' in config.json must be an object."),
    };

    private bool Flag(string section, string key) => Section(section)?[key] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw new SyncConfigException($"'{section}.{key}' in config.json must be true or false."),
    };

    private string? Text(string section, string key) => Section(section)?[key] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new SyncConfigException($"'{section}.{key}' in config.json must be a string."),
    };

    private static ConflictStrategy ParseStrategy(string? text) => text switch
    {
        null or "" or "prompt" => ConflictStrategy.Prompt,
        "prefer-backlog" => ConflictStrategy.PreferBacklog,
        "prefer-jira" => ConflictStrategy.PreferJira,
        "manual" => ConflictStrategy.Manual,
        _ => throw new SyncConfigException($"'sync.conflictStrategy' is \"{text}\"; use one of prompt, prefer-backlog, prefer-jira, manual."),
    };

    public static string StrategyName(ConflictStrategy strategy) => strategy switch
    {
        ConflictStrategy.PreferBacklog => "prefer-backlog",
        ConflictStrategy.PreferJira => "prefer-jira",
        ConflictStrategy.Manual => "manual",
        _ => "prompt",
    };

    public static ConflictStrategy? TryParseStrategy(string? text)
    {
        try { return text is null ? null : ParseStrategy(text); }
        catch (SyncConfigException) { return null; }
    }

    private StatusMapping ReadStatuses()
    {
        var backlog = Section("backlog");
        var mapping = backlog?["statusMapping"] is null ? StatusMapping.Default.BacklogToJira : ListMap(backlog["statusMapping"], "backlog.statusMapping");
        var overrides = new Dictionary<string, StatusOverride>(StringComparer.OrdinalIgnoreCase);
        if (backlog?["projectOverrides"] is JsonObject projects)
        {
            foreach (var (project, value) in projects)
            {
                var where = $"backlog.projectOverrides.{project}";
                overrides[project] = new StatusOverride(ListMap(value?["backlogToJira"], where + ".backlogToJira"), StringMap(value?["jiraToBacklog"], where + ".jiraToBacklog"));
            }
        }
        return new StatusMapping(mapping, overrides);
    }

    private PriorityMapping ReadPriorities()
    {
        if (Section("backlog")?["priorityMapping"] is not JsonObject priority) return PriorityMapping.Default;
        var lists = priority["backlogToJira"] is null ? null : ListMap(priority["backlogToJira"], "backlog.priorityMapping.backlogToJira");
        var overrides = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
        if (priority["projectOverrides"] is JsonObject projects)
        {
            foreach (var (project, value) in projects)
                overrides[project] = ListMap(value?["backlogToJira"], $"backlog.priorityMapping.projectOverrides.{project}.backlogToJira");
        }
        return lists is null && overrides.Count == 0 ? PriorityMapping.Default : new PriorityMapping(lists ?? PriorityMapping.DefaultLists, overrides);
    }

    private static Dictionary<string, IReadOnlyList<string>> ListMap(JsonNode? node, string where)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject map) throw new SyncConfigException($"'{where}' must map names to lists, e.g. {{\"Done\": [\"Done\", \"Closed\"]}}.");
        foreach (var (key, value) in map)
        {
            result[key] = value switch
            {
                JsonArray list when list.All(i => i?.GetValueKind() == JsonValueKind.String) => [.. list.Select(i => i!.GetValue<string>())],
                JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
                _ => throw new SyncConfigException($"'{where}.{key}' must be a list of names, e.g. [\"Done\", \"Closed\"]."),
            };
        }
        return result;
    }

    private static Dictionary<string, string> StringMap(JsonNode? node, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject map) throw new SyncConfigException($"'{where}' must map names to names.");
        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue text && text.GetValueKind() == JsonValueKind.String
                ? text.GetValue<string>()
                : throw new SyncConfigException($"'{where}.{key}' must be a string.");
        }
        return result;
    }
}

public enum JiraTransportKind
{
    Rest,
    Mcp,
}

/// <summary>Config <c>mcp</c>: the server command (null: uvx or Docker with the pinned version), its arguments and
/// extra environment variables.</summary>
public sealed record McpServerConfig(string? Command, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Env);
