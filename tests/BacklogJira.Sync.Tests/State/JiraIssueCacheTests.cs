using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Tests.State;

public class JiraIssueCacheTests
{
    [Fact]
    public void The_cache_format_version_follows_the_issue_s_members()
    {
        // A new member read from Jira needs a new cache version, else old caches read it as empty (see SchemaVersion).
        var members = string.Join(",", typeof(JiraIssue).GetProperties().Where(p => p.DeclaringType == typeof(JiraIssue) && p.Name != "EqualityContract").Select(p => p.Name));
        members.ShouldBe(JiraIssueCache.CachedMembers, "bump JiraIssueCache.SchemaVersion and update CachedMembers");
    }

    [Fact]
    public async Task A_cache_of_an_older_version_is_not_used()
    {
        using var dir = new BacklogJira.Testing.TempDirectory("bj-cache");
        var paths = new StatePaths(dir.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.IssueCache)!);
        await File.WriteAllTextAsync(paths.IssueCache, """{"schemaVersion":1,"site":"https://x","readStartedAt":1,"issues":[]}""");
        JiraIssueCache.Load(paths, "https://x").ReadStartedAt.ShouldBeNull();
        await File.WriteAllTextAsync(paths.IssueCache, $$"""{"schemaVersion":{{JiraIssueCache.SchemaVersion}},"site":"https://x","readStartedAt":1,"issues":[]}""");
        JiraIssueCache.Load(paths, "https://x").ReadStartedAt.ShouldNotBeNull();
    }

    private static JiraIssue Issue(string key, string id, string summary, int minute) => new()
    {
        Id = id,
        Key = key,
        ProjectKey = "DEMO",
        IssueType = "Task",
        Summary = summary,
        Description = "",
        DescriptionFingerprint = "",
        Status = new JiraStatus("1", "To Do", "new"),
        Updated = new DateTimeOffset(2026, 11, 30, 9, minute, 0, TimeSpan.Zero),
    };

    private static async Task<StatePaths> SavedCacheAsync(BacklogJira.Testing.TempDirectory dir)
    {
        var paths = new StatePaths(dir.Path);
        var cache = JiraIssueCache.Empty(paths, "https://x");
        cache.Absorb(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), [Issue("DEMO-1", "10001", "One", 1), Issue("DEMO-2", "10002", "Two", 2)], []);
        await cache.SaveAsync(CancellationToken.None);
        return paths;
    }

    [Fact]
    public async Task A_run_starts_from_the_index_and_reads_the_issues_only_when_asked()
    {
        using var dir = new BacklogJira.Testing.TempDirectory("bj-cache");
        var paths = await SavedCacheAsync(dir);

        var cache = JiraIssueCache.Load(paths, "https://x");
        cache.StampOf("DEMO-2").ShouldBe(new IssueStamp("DEMO-2", "10002", new DateTimeOffset(2026, 11, 30, 9, 2, 0, TimeSpan.Zero).UtcTicks));
        // Proof the issues were not read at load: replaced now, the cache reads the replacement, finds it lacks what the
        // index promised, and says so (those issues are then read from Jira).
        await File.WriteAllTextAsync(paths.IssueCache, "{}");
        (await cache.IssuesAsync()).ShouldBeEmpty();
        cache.LostIssues.ShouldBeTrue();

        var fresh = JiraIssueCache.Load(paths, "https://x");
        fresh.ReadStartedAt.ShouldBeNull("an index that no longer describes the issues file is not used, and that file alone is no cache");
    }

    [Fact]
    public async Task An_issues_file_edited_by_hand_is_read_whole_and_its_own_content_wins_over_the_index()
    {
        using var dir = new BacklogJira.Testing.TempDirectory("bj-cache");
        var paths = await SavedCacheAsync(dir);
        var text = await File.ReadAllTextAsync(paths.IssueCache);
        await File.WriteAllTextAsync(paths.IssueCache, text.Replace("\"summary\":\"One\"", "\"summary\":\"Edited\"", StringComparison.Ordinal));

        var cache = JiraIssueCache.Load(paths, "https://x");

        (await cache.IssuesAsync())["DEMO-1"].Summary.ShouldBe("Edited");
        cache.LostIssues.ShouldBeFalse();
    }

    [Fact]
    public async Task Issues_the_cache_lost_are_read_from_jira_when_a_pair_needs_them()
    {
        using var dir = new BacklogJira.Testing.TempDirectory("bj-cache");
        var paths = await SavedCacheAsync(dir);
        var cache = JiraIssueCache.Load(paths, "https://x");
        await File.WriteAllTextAsync(paths.IssueCache, "{}");
        var asked = new List<string>();
        var read = new BacklogJira.Sync.Engine.IssueReadResult([], [], DateTimeOffset.UnixEpoch, cache, keys =>
        {
            asked.AddRange(keys);
            return Task.FromResult(new JiraIssueRead([Issue("DEMO-2", "10002", "From Jira", 5)], []));
        });

        read.StampOf("10001", "DEMO-1").ShouldNotBeNull();
        await read.LoadAsync([("10002", "DEMO-2")]);

        asked.ShouldBe(["DEMO-2"], "only the issue a pair needs is read again");
        read.Find("10002", "DEMO-2")!.Summary.ShouldBe("From Jira");
        read.Fresh.Select(i => i.Key).ShouldBe(["DEMO-2"], "read again, it is cached anew at the end of the run");
    }
}
