using System.Text.Json;
using Sandbox.Jira.Http;
using Sandbox.Jira.Model;

namespace Sandbox.Jira.State;

/// <summary>The sandbox's data behind a reader-writer lock (searches render in parallel, as on a real server; writes are
/// one at a time), saved to the data file (temp + rename) after every change.</summary>
public sealed class SandboxState : IDisposable
{
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);
    private readonly string? _dataFile;
    private readonly SandboxData _data;

    public SandboxState(SandboxOptions options)
    {
        Options = options;
        _dataFile = options.DataFile;
        _data = _dataFile is not null && File.Exists(_dataFile)
            ? JsonSerializer.Deserialize(File.ReadAllText(_dataFile), SandboxDataJsonContext.Default.SandboxData) ?? SandboxData.Seed(options)
            : SandboxData.Seed(options);
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    public SandboxOptions Options { get; }

    public TimeZoneInfo TimeZone { get; }

    public SandboxMode Mode => Options.Mode;

    /// <summary>Bumped by every write, so cached search results know when they are stale.</summary>
    public long Version { get; private set; }

    public DateTimeOffset Now() => Options.Clock.GetUtcNow();

    /// <summary>Reads under the lock.</summary>
    public T Read<T>(Func<SandboxData, T> read)
    {
        _gate.EnterReadLock();
        try { return read(_data); }
        finally { _gate.ExitReadLock(); }
    }

    /// <summary>Who the request under way authenticated as (webhooks name the user who made a change).</summary>
    internal static readonly AsyncLocal<SandboxUser?> Actor = new();

    /// <summary>Announces writes to registered webhooks (set by the sandbox when it starts).</summary>
    internal Webhooks.WebhookDispatcher? Webhooks { get; set; }

    /// <summary>Changes under the lock, then saves, then queues the webhooks the change calls for.</summary>
    public T Write<T>(Func<SandboxData, T> change)
    {
        _gate.EnterWriteLock();
        try
        {
            var before = Webhooks is null ? null : Sandbox.Jira.Webhooks.WebhookDispatcher.Before(_data);
            var result = change(_data);
            Version++;
            Save();
            if (before is not null) Webhooks!.After(before, _data, this);
            return result;
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    public void Write(Action<SandboxData> change) => Write(data => { change(data); return 0; });

    private void Save()
    {
        if (_dataFile is null) return;
        var temp = _dataFile + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(_data, SandboxDataJsonContext.Default.SandboxData));
        File.Move(temp, _dataFile, overwrite: true);
    }

    /// <summary>A deep copy of an issue, to change without touching the stored one until the change is accepted.</summary>
    public static SandboxIssue Copy(SandboxIssue issue) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(issue, SandboxDataJsonContext.Default.SandboxIssue), SandboxDataJsonContext.Default.SandboxIssue)!;

    public static SandboxIssue FindIssue(SandboxData data, string idOrKey) =>
        TryFindIssue(data, idOrKey) ?? throw JiraApiException.IssueNotFound();

    public static SandboxIssue? TryFindIssue(SandboxData data, string idOrKey) =>
        data.Issues.FirstOrDefault(i => i.Id == idOrKey
            || string.Equals(i.Key, idOrKey, StringComparison.OrdinalIgnoreCase)
            || i.FormerKeys.Contains(idOrKey, StringComparer.OrdinalIgnoreCase));

    public static SandboxProject? FindProject(SandboxData data, string idOrKey) =>
        data.Projects.FirstOrDefault(p => p.Id == idOrKey || string.Equals(p.Key, idOrKey, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Name, idOrKey, StringComparison.OrdinalIgnoreCase));

    public static SandboxUser? FindUser(SandboxData data, string keyOrIdOrName) =>
        data.Users.FirstOrDefault(u => u.Key == keyOrIdOrName || (u.AccountId.Length > 0 && u.AccountId == keyOrIdOrName)
            || string.Equals(u.Name, keyOrIdOrName, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => _gate.Dispose();
}
