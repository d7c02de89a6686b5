using System.Collections.Concurrent;
using BacklogJira.Core.Ports;

namespace BacklogJira.Jira.Users;

/// <summary>
/// Jira user lookups, each asked once while it holds: a user found is kept for the client's life; "no such user" for
/// <see cref="NotFoundFor"/> (someone may add the account while <c>watch</c> runs); a failed lookup (a timeout, a 500)
/// is not kept at all, so the next pair asks again instead of the whole session treating the user as unknown.
/// </summary>
internal sealed class UserLookupMemo(TimeProvider clock)
{
    public static readonly TimeSpan NotFoundFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (Task<JiraUser?> Lookup, DateTimeOffset Started)> _entries = new(StringComparer.OrdinalIgnoreCase);

    public Task<JiraUser?> GetAsync(string query, Func<string, Task<JiraUser?>> lookUp)
    {
        var key = query.Trim().TrimStart('@');
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(key,
            k => (lookUp(k), now),
            (k, old) => Stale(old, now) ? (lookUp(k), now) : old);
        return entry.Lookup;
    }

    private static bool Stale((Task<JiraUser?> Lookup, DateTimeOffset Started) entry, DateTimeOffset now) =>
        entry.Lookup.IsFaulted || entry.Lookup.IsCanceled
        || entry.Lookup.IsCompletedSuccessfully && entry.Lookup.Result is null && now - entry.Started > NotFoundFor;
}
