using System.Collections.Concurrent;

namespace Sandbox.Jira.Faults;

/// <summary>Requests received per endpoint (method and route), for benchmarks and tests.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;
    private int _faulted;

    public int Total => Volatile.Read(ref _total);

    /// <summary>Requests answered by an injected fault (429, 5xx, drop) instead of the endpoint.</summary>
    public int Faulted => Volatile.Read(ref _faulted);

    public IReadOnlyDictionary<string, int> ByEndpoint => new Dictionary<string, int>(_counts);

    public int For(string endpoint) => _counts.TryGetValue(endpoint, out var count) ? count : 0;

    internal void Count(string endpoint)
    {
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
    }

    internal void CountFault() => Interlocked.Increment(ref _faulted);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _faulted, 0);
    }
}
