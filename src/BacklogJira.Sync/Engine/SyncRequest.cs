using BacklogJira.Core.Merge;

namespace BacklogJira.Sync.Engine;

/// <summary>One run of push, pull, sync or status.</summary>
public sealed record SyncRequest
{
    public SyncMode Mode { get; init; } = SyncMode.Sync;

    /// <summary>Task ids to process; empty means every mapped task.</summary>
    public IReadOnlyList<string> TaskIds { get; init; } = [];

    /// <summary>Build and report the plan; write nothing anywhere (no files, no Jira, no snapshots, no log).</summary>
    public bool DryRun { get; init; }

    /// <summary>Push/pull: settle conflicts in the command's direction instead of leaving them.</summary>
    public bool Force { get; init; }

    /// <summary>Overrides config <c>sync.conflictStrategy</c>.</summary>
    public ConflictStrategy? Strategy { get; init; }

    /// <summary>Answers conflicts under the prompt strategy (the CLI gives one only on a terminal).</summary>
    public Func<FieldConflict, ConflictChoice>? Prompt { get; init; }

    public int MaxParallel { get; init; } = 8;

    /// <summary>Read every mapped issue from Jira instead of only those updated since the last run.</summary>
    public bool FullRead { get; init; }

    /// <summary>Told after each pair (from several threads); the CLI draws a progress line with it on a terminal.</summary>
    public IProgress<SyncProgress>? Progress { get; init; }

    /// <summary>Kept across runs (by <c>watch</c>) so a standing conflict, wait or warning is logged once.</summary>
    public StandingReports? Standing { get; init; }

    /// <summary>Filled with where the run's time went, phase by phase.</summary>
    public SyncTimings? Timings { get; init; }
}

/// <summary>Pairs done out of pairs selected.</summary>
public sealed record SyncProgress(int Done, int Total);
