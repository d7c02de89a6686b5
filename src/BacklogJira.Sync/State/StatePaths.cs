namespace BacklogJira.Sync.State;

/// <summary>
/// Where <c>.backlog-jira/</c> keeps things. Config, mappings and snapshots are committed (a teammate's clone then knows
/// the last agreed state and does not re-baseline); the ops log, temp files and the lock stay local.
/// </summary>
public sealed class StatePaths(string projectRoot)
{
    public const string DirectoryName = ".backlog-jira";

    public string Root { get; } = Path.Combine(projectRoot, DirectoryName);
    public string Config => Path.Combine(Root, "config.json");
    public string Mappings => Path.Combine(Root, "mappings.json");
    public string Snapshots => Path.Combine(Root, "snapshots");
    public string OpsLog => Path.Combine(Root, "ops-log.jsonl");
    public string GitIgnore => Path.Combine(Root, ".gitignore");
    public string Lock => Path.Combine(Root, ".lock");
    public string IssueCache => Path.Combine(Root, "cache", "issues.json");
    public string IssueCacheIndex => Path.Combine(Root, "cache", "issues-index.json");
    public string CanonicalTextMemo => Path.Combine(Root, "cache", "canonical-text.json");
    public string PairCache => Path.Combine(Root, "cache", "pairs.json");

    /// <summary>The intent of a <c>pull --import</c> under way (local, beside create-issue's pending records).</summary>
    public string ImportIntent => Path.Combine(Root, "pending", "import.json");

    /// <summary>The work <c>serve</c> has accepted and not yet done, one file per issue or task (local: a restart resumes it).</summary>
    public string ServeQueue => Path.Combine(Root, "serve-queue");

    public string Snapshot(string taskId, string side) => Path.Combine(Snapshots, $"{taskId}-{side}.json");

    /// <summary>The writes of a pair's run under way (local: a clone cut off mid-run resumes its own writes).</summary>
    public string Journal(string taskId) => Path.Combine(Root, "journal", $"{taskId}.json");

    public const string GitIgnoreText =
        "# backlog-jira: config.json, mappings.json and snapshots/ are shared through git, so every clone knows the\n" +
        "# last agreed state of each task and issue. The operations log, the issue cache, temp files and the run lock stay local.\n" +
        "ops-log.jsonl\n*.tmp\n.lock/\n.lock.*/\npending/\ncache/\njournal/\nserve-queue/\n";
}
