namespace BacklogJira.BacklogMd.Config;

/// <summary>The parts of Backlog.md's config.yml this tool reads (docs/reference/backlog-md.md §1.3), with the CLI's defaults.</summary>
public sealed record BacklogMdConfig
{
    public string ProjectName { get; init; } = string.Empty;
    public string DefaultStatus { get; init; } = "To Do";
    public IReadOnlyList<string> Statuses { get; init; } = ["To Do", "In Progress", "Done"];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Priorities { get; init; } = ["High", "Medium", "Low"];
    public IReadOnlyList<string> Types { get; init; } = ["bug", "feature", "enhancement", "task", "chore", "docs", "spike"];
    public IReadOnlyList<string> Projects { get; init; } = [];
    public IReadOnlyList<string> DefaultAssignee { get; init; } = [];
    public IReadOnlyList<string> DefinitionOfDone { get; init; } = [];
    public string TaskPrefix { get; init; } = "task";
    public int? ZeroPaddedIds { get; init; }
    public string DateFormat { get; init; } = "yyyy-mm-dd";
    public bool FilesystemOnly { get; init; }
    public bool CheckActiveBranches { get; init; } = true;
    public bool RemoteOperations { get; init; } = true;

    /// <summary>The terminal ("done") status is the last configured one.</summary>
    public string DoneStatus => Statuses.Count > 0 ? Statuses[^1] : "Done";

    /// <summary>A configured status matched the CLI's way (case- and whitespace-insensitive), in its configured spelling.</summary>
    public string? MatchStatus(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        static string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var wanted = Squash(input);
        return Statuses.FirstOrDefault(s => Squash(s) == wanted);
    }
}
