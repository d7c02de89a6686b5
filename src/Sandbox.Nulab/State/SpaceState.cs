using Sandbox.Nulab.Model;

namespace Sandbox.Nulab.State;

/// <summary>Everything the sandbox space holds. Readers and writers take the one lock, so each request sees a
/// consistent space; requests are short, so contention is irrelevant at test sizes.</summary>
public sealed class SpaceState
{
    private readonly Lock _gate = new();

    public SpaceState(TimeProvider clock)
    {
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    public string SpaceKey { get; set; } = "sandbox";

    public List<SpaceUser> Users { get; } = [];

    public List<NamedEntry> Priorities { get; } = [];

    public List<NamedEntry> Resolutions { get; } = [];

    public List<StoredProject> Projects { get; } = [];

    public List<StoredIssue> Issues { get; } = [];

    public List<StoredWiki> Wikis { get; } = [];

    public List<StoredRepository> Repositories { get; } = [];

    public List<StoredNotification> Notifications { get; } = [];

    public List<StoredWatching> Watchings { get; } = [];

    public List<StoredDocument> Documents { get; } = [];

    /// <summary>Stars received: the user given one, and when (Backlog counts them per user, <c>/users/:id/stars/count</c>).</summary>
    public List<(int UserId, DateTimeOffset At)> Stars { get; } = [];

    /// <summary>Related issues: undirected pairs (Backlog's only relation type is RELATES).</summary>
    public List<(int A, int B)> Relations { get; } = [];

    public int NextIssueId { get; set; } = 1;

    public int NextCommentId { get; set; } = 1;

    public int NextAttachmentId { get; set; } = 1;

    public T Read<T>(Func<SpaceState, T> read)
    {
        lock (_gate) return read(this);
    }

    public T Write<T>(Func<SpaceState, T> write)
    {
        lock (_gate) return write(this);
    }

    /// <summary>Backlog answers in whole seconds.</summary>
    public DateTimeOffset Now()
    {
        var now = Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    public StoredProject? FindProject(string idOrKey) =>
        int.TryParse(idOrKey, out var id) ? Projects.Find(p => p.Id == id) : Projects.Find(p => string.Equals(p.Key, idOrKey, StringComparison.OrdinalIgnoreCase));

    public StoredIssue? FindIssue(string idOrKey) =>
        int.TryParse(idOrKey, out var id) ? Issues.Find(i => i.Id == id) : Issues.Find(i => string.Equals(i.IssueKey, idOrKey, StringComparison.OrdinalIgnoreCase));

    public StoredProject ProjectOf(StoredIssue issue) => Projects.Find(p => p.Id == issue.ProjectId)!;

    public SpaceUser User(int id) => Users.Find(u => u.Id == id)!;
}
