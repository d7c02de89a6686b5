using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Operations;

/// <summary>One repository's side of every operation: the Backlog.md store, the <c>.backlog-jira/</c> state and config,
/// and, on first use, the Jira client the face builds (the CLI from <c>JIRA_*</c> and <c>.env</c>).</summary>
public sealed class Workspace : IDisposable
{
    private readonly Func<SyncConfig, JiraConnection> _connect;
    private JiraConnection? _jira;

    private Workspace(BacklogMdTaskStore store, StatePaths paths, SyncConfig config, Func<SyncConfig, JiraConnection> connect, TimeProvider clock)
    {
        Store = store;
        Paths = paths;
        Config = config;
        Clock = clock;
        _connect = connect;
    }

    public BacklogMdTaskStore Store { get; }
    public StatePaths Paths { get; }
    public SyncConfig Config { get; }
    public TimeProvider Clock { get; }

    public IJiraClient Jira => Connection.Client;

    /// <summary>Where people open an issue (<c>jira_url</c>).</summary>
    public string BrowseBase => Connection.BrowseBase;

    private JiraConnection Connection => _jira ??= _connect(Config);

    /// <summary>Opens the project that holds <paramref name="directory"/>; the config is read and checked now, Jira is
    /// reached only when an operation needs it.</summary>
    public static Workspace Open(string directory, Func<SyncConfig, JiraConnection> connect, TimeProvider? clock = null)
    {
        var store = BacklogMdTaskStore.Open(directory);
        var paths = new StatePaths(store.Project.RootPath);
        return new Workspace(store, paths, SyncConfig.Load(paths), connect, clock ?? TimeProvider.System);
    }

    /// <summary>One writing run per repository at a time (serve, watch, the CLI and these operations alike).</summary>
    public async Task<DirectoryLock> LockAsync(CancellationToken cancellationToken) =>
        (await SyncRunLock.AcquireAndSweepAsync(Paths, Store.Project, Clock, cancellationToken)).Lock;

    public SyncEngine Engine() => new(Store, Jira, Config, Paths, Clock, BrowseBase);

    public IssueCreator Creator(string? projectOverride = null) => new(Store, Jira, Config, Paths, Clock, BrowseBase) { ProjectOverride = projectOverride };

    public JiraImporter Importer() => new(Store, Jira, Config, Paths, Clock, BrowseBase);

    public MappingService Mappings() => new(Store, Paths, Clock);

    /// <summary>A task id as mappings spell it (<c>12</c>, <c>task-12</c> → <c>TASK-12</c>).</summary>
    public string TaskId(string text) => SyncEngine.Normalize(text.Trim(), Store.Project.Config.TaskPrefix);

    public void Dispose() => (_jira?.Client as IDisposable)?.Dispose();
}

/// <summary>A Jira client and the address people open issues at.</summary>
public sealed record JiraConnection(IJiraClient Client, string BrowseBase);
