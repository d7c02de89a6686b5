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
}
