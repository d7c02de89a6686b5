using System.Text.Json.Nodes;

namespace BacklogMcp.Core.Tools;

/// <summary>
/// Which toolsets are on (docs/backlog-mcp.md, "Toolsets"). Fixed by BACKLOG_TOOLSETS, or, with dynamic toolsets
/// (BACKLOG_DYNAMIC_TOOLSETS, Nulab's ENABLE_DYNAMIC_TOOLSETS), only the ones named start on and the agent turns more on
/// with three tools, as Nulab's server does: each change announces itself (<see cref="Changed"/>, which the server
/// turns into <c>notifications/tools/list_changed</c>). The state lasts as long as the process.
/// </summary>
public sealed class ToolsetSwitch
{
    /// <summary>What each toolset holds, for the agent choosing one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Toolsets.Space] = "the space, its users, the key's own user, recent updates and stars",
        [Toolsets.Project] = "projects (and, with writes, creating, editing and deleting them)",
        [Toolsets.Issue] = "issues, comments, attachments, statuses and other project lists, watching lists, milestones (with writes: every issue write)",
        [Toolsets.Wiki] = "wiki pages",
        [Toolsets.Git] = "Git repositories and pull requests",
        [Toolsets.Notifications] = "the key's user's notifications",
        [Toolsets.Document] = "documents and their tree",
    };

    private readonly bool _writes;
    private readonly HashSet<string> _enabled;
    private readonly Lock _gate = new();

    public ToolsetSwitch(bool writesEnabled, IEnumerable<string> enabled, bool dynamic)
    {
        _writes = writesEnabled;
        _enabled = new HashSet<string>(enabled, StringComparer.Ordinal);
        Dynamic = dynamic;
        MetaTools = dynamic ? [new ListAvailableToolsetsTool(this), new GetToolsetToolsTool(this), new EnableToolsetTool(this)] : [];
    }

    public bool Dynamic { get; }

    /// <summary>Raised after a toolset was turned on.</summary>
    public event Action? Changed;

    public IReadOnlyList<NulabTool> MetaTools { get; }

    public IReadOnlyList<NulabTool> CurrentTools()
    {
        lock (_gate) return [.. ToolCatalog.Create(_writes, _enabled), .. MetaTools];
    }

    public bool IsEnabled(string toolset)
    {
        lock (_gate) return _enabled.Contains(toolset);
    }

    /// <summary>The tools a toolset holds (whether on or not), writes only when enabled.</summary>
    public IReadOnlyList<NulabTool> ToolsOf(string toolset) => ToolCatalog.Create(_writes, new HashSet<string>([toolset], StringComparer.Ordinal));

    /// <summary>Turns a toolset on; false when it already was.</summary>
    public bool Enable(string toolset)
    {
        lock (_gate)
            if (!_enabled.Add(toolset)) return false;
        Changed?.Invoke();
        return true;
    }

    internal static string Known(ToolArgs args)
    {
        var name = args.RequiredString("toolset").Trim().ToLowerInvariant();
        return Toolsets.Offered.Contains(name) ? name : throw ToolArgs.Invalid($"'{name}' is not a toolset; toolsets: {string.Join(", ", Toolsets.Offered)}.");
    }
}

/// <summary>list_available_toolsets of Nulab's server.</summary>
public sealed class ListAvailableToolsetsTool(ToolsetSwitch toolsets) : NulabTool
{
    public override string Name => "backlog_list_available_toolsets";

    public override string Title => "Toolsets";

    public override string Description => "List the toolsets (groups of tools), what each holds, and which are on. Turn one on with backlog_enable_toolset.";

    public override string Toolset => "meta";

    public override JsonObject InputSchema => Schema.Input([]);

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["toolsets"] = Schema.ArrayOf(Schema.Output(new JsonObject
        {
            ["name"] = Schema.Type("string"), ["description"] = Schema.Type("string"), ["currentlyEnabled"] = Schema.Type("boolean"), ["tools"] = Schema.Type("integer"),
        }, "name", "description", "currentlyEnabled", "tools")),
    }, "toolsets");

    protected override Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var rows = Toolsets.Offered.Select(name => (Name: name, Description: ToolsetSwitch.Descriptions[name], On: toolsets.IsEnabled(name), Tools: toolsets.ToolsOf(name).Count)).ToList();
        var table = new Formatting.MarkdownTable("Toolset", "On", "Tools", "Holds");
        foreach (var row in rows) table.Row(row.Name, row.On ? "✓" : "", row.Tools.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Description);
        return Task.FromResult(new ToolOutput("# Toolsets\n\n" + table + "\n\nTurn one on with backlog_enable_toolset(toolset: \"…\").", new JsonObject
        {
            ["toolsets"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["description"] = r.Description, ["currentlyEnabled"] = r.On, ["tools"] = r.Tools })]),
        }));
    }
}

/// <summary>get_toolset_tools of Nulab's server.</summary>
public sealed class GetToolsetToolsTool(ToolsetSwitch toolsets) : NulabTool
{
    public override string Name => "backlog_get_toolset_tools";

    public override string Title => "Tools of a toolset";

    public override string Description => "List the tools a toolset holds, to decide whether to turn it on.";

    public override string Toolset => "meta";

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["toolset"] = Schema.Enum("The toolset.", [.. Toolsets.Offered]) }, "toolset");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["toolset"] = Schema.Type("string"), ["currentlyEnabled"] = Schema.Type("boolean"),
        ["tools"] = Schema.ArrayOf(Schema.Output(new JsonObject { ["name"] = Schema.Type("string"), ["description"] = Schema.Type("string") }, "name", "description")),
    }, "toolset", "currentlyEnabled", "tools");

    protected override Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var name = ToolsetSwitch.Known(args);
        var tools = toolsets.ToolsOf(name);
        var text = $"# Toolset {name}{(toolsets.IsEnabled(name) ? " (on)" : "")}\n\n" + string.Join("\n", tools.Select(t => $"- **{t.Name}**: {t.Description}"));
        return Task.FromResult(new ToolOutput(text, new JsonObject
        {
            ["toolset"] = name, ["currentlyEnabled"] = toolsets.IsEnabled(name),
            ["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["description"] = t.Description })]),
        }));
    }
}

/// <summary>enable_toolset of Nulab's server: the toolset's tools join the list, and clients are told.</summary>
public sealed class EnableToolsetTool(ToolsetSwitch toolsets) : NulabTool
{
    public override string Name => "backlog_enable_toolset";

    public override string Title => "Turn a toolset on";

    public override string Description => "Turn a toolset on: its tools join the tool list (clients are told the list changed). It stays on while the server runs.";

    public override string Toolset => "meta";

    public override ToolHints Hints => new(ReadOnly: false, Destructive: false, Idempotent: true, OpenWorld: false);

    public override JsonObject InputSchema => Schema.Input(new JsonObject { ["toolset"] = Schema.Enum("The toolset.", [.. Toolsets.Offered]) }, "toolset");

    public override JsonObject OutputSchema => Schema.Output(new JsonObject
    {
        ["toolset"] = Schema.Type("string"), ["changed"] = Schema.Type("boolean"), ["tools"] = Schema.ArrayOf(Schema.Type("string")),
    }, "toolset", "changed", "tools");

    protected override Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        var name = ToolsetSwitch.Known(args);
        var changed = toolsets.Enable(name);
        var tools = toolsets.ToolsOf(name);
        var text = changed ? $"Toolset {name} enabled: {string.Join(", ", tools.Select(t => t.Name))}." : $"Toolset {name} was already enabled.";
        return Task.FromResult(new ToolOutput(text, new JsonObject { ["toolset"] = name, ["changed"] = changed, ["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)t.Name)]) }));
    }
}
