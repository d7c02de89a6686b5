using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>
/// Which pairs a whole-project run may report in sync without reading their task file (docs/sync.md, "Performance"):
/// those the last run left settled (<see cref="PairFingerprints"/>) whose task file is the only one with its id and is
/// byte-for-byte where it was (size and last write), whose snapshot is as it was, with no journal of a cut-off run, and
/// whose issue Jira did not return as changed since the last read. First the file side (before Jira answers, so the other files are parsed while it
/// reads), then the issue side. A full read (<c>--full</c>) skips nothing but still fingerprints what it settles.
/// </summary>
internal sealed class UnchangedPairs(PairFingerprints? fingerprints, bool mayskip, StatePaths paths, BacklogMdProject project, string prefix)
{
    private readonly Dictionary<string, TaskFileEntry> _candidates = new(StringComparer.OrdinalIgnoreCase);

    // The snapshots are listed while the task files are: two folders of one entry per pair, each a stat per file.
    private readonly Task<Func<string, (long Length, long Ticks)>>? _snapshotStats =
        fingerprints is not null && mayskip ? Task.Run(fingerprints.SnapshotStats) : null;

    /// <summary>The files to parse now: every file but those of candidate pairs.</summary>
    public IReadOnlyList<TaskFileEntry> FilesToParse(IReadOnlyList<TaskFileEntry> listing, IEnumerable<TaskMapping> selected)
    {
        if (fingerprints is null || !mayskip) return listing;
        // One listing of the journal folder instead of a look per pair: it is empty unless a run was cut off.
        var journals = Directory.Exists(Path.GetDirectoryName(paths.Journal("x")))
            ? Directory.EnumerateFiles(Path.GetDirectoryName(paths.Journal("x"))!, "*.json").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var byId = listing.Where(f => f.IdFromName is not null)
            .GroupBy(f => f.IdFromName!.Normalized(prefix), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var snapshotStat = _snapshotStats!.GetAwaiter().GetResult();
        foreach (var mapping in selected)
        {
            if (fingerprints.For(mapping.TaskId) is not { } print || print.IssueId != mapping.JiraId) continue;
            if (!byId.TryGetValue(mapping.TaskId, out var files) || files.Count != 1) continue;
            var file = files[0];
            if (file.Folder is not (TaskFolder.Tasks or TaskFolder.Completed) || project.RelativePath(file.Path) != print.File) continue;
            if (file.Length != print.Length || file.LastWriteTicks != print.Ticks) continue;
            if (snapshotStat(mapping.TaskId) != (print.SnapshotLength, print.SnapshotTicks) || journals.Contains(mapping.TaskId)) continue;
            _candidates[mapping.TaskId] = file;
        }
        var held = _candidates.Values.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return [.. listing.Where(f => !held.Contains(f.Path))];
    }

    /// <summary>Once Jira has answered: the candidate pairs whose issue is unchanged (skipped), and the files of the
    /// others, to parse after all.</summary>
    /// <param name="selected">The pairs of the run.</param>
    /// <param name="issueOf">The stamp of a pair's issue as this run has it (fresh or cached).</param>
    /// <param name="fresh">The ids of the issues Jira returned as changed since the last read: never skipped, since a
    /// timestamp alone (seconds on some transports) cannot prove an issue unchanged.</param>
    public (IReadOnlySet<string> Skipped, IReadOnlyList<TaskFileEntry> LateFiles) Settle(IEnumerable<TaskMapping> selected, Func<TaskMapping, IssueStamp?> issueOf,
        IReadOnlySet<string> fresh)
    {
        var skipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var late = new List<TaskFileEntry>();
        foreach (var mapping in selected)
        {
            if (!_candidates.TryGetValue(mapping.TaskId, out var file)) continue;
            var issue = issueOf(mapping);
            var print = fingerprints!.For(mapping.TaskId)!;
            if (issue is not null && !fresh.Contains(issue.Id) && issue.Id == print.IssueId
                && string.Equals(issue.Key, mapping.JiraKey, StringComparison.OrdinalIgnoreCase) && issue.Updated == print.IssueUpdated)
                skipped.Add(mapping.TaskId);
            else late.Add(file);
        }
        return (skipped, late);
    }

    /// <summary>The fingerprint of a pair the run left settled; none for a file written in the last two seconds, since
    /// a same-size edit within the file system's timestamp resolution would go unseen (git's "racy" rule).</summary>
    public PairFingerprint? Take(string taskId, string taskFile, JiraIssue issue, DateTimeOffset now)
    {
        if (fingerprints is null) return null;
        var info = new FileInfo(taskFile);
        if (!info.Exists || now.UtcDateTime - info.LastWriteTimeUtc < TimeSpan.FromSeconds(2)) return null;
        var (snapshotLength, snapshotTicks) = fingerprints.SnapshotStat(taskId);
        return new PairFingerprint(project.RelativePath(taskFile), info.Length, info.LastWriteTimeUtc.Ticks, snapshotLength, snapshotTicks, issue.Id, issue.Updated.UtcTicks);
    }
}
