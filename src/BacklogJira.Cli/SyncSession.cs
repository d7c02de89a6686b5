using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli;

/// <summary>Everything a sync command needs, opened from the working directory: the Backlog.md store, the
/// <c>.backlog-jira/</c> state and config, and (on first use) the Jira client built from <c>JIRA_*</c> and <c>.env</c>.</summary>
internal sealed class SyncSession : IDisposable
{
    private readonly CliContext _context;
    private IJiraClient? _client;
    private JiraConnectionSettings? _settings;

    private SyncSession(CliContext context, BacklogMdTaskStore store, StatePaths paths, SyncConfig config)
    {
        _context = context;
        Store = store;
        Paths = paths;
        Config = config;
    }

    public BacklogMdTaskStore Store { get; }
    public StatePaths Paths { get; }
    public SyncConfig Config { get; }
    public TimeProvider Clock { get; } = TimeProvider.System;

    public IJiraClient Jira => _client ??= JiraClientFactory.Create(_context, Config, Settings);

    private JiraConnectionSettings Settings => _settings ??= Announced(JiraSettingsLoader.Load(Store.Project.RootPath, _context.Environment));

    /// <summary>A JIRA_URL cut back to its site is said once per run, on stderr.</summary>
    private JiraConnectionSettings Announced(JiraConnectionSettings settings)
    {
        if (settings.UrlNotice is { } notice) _context.Error.WriteLine("notice: " + notice);
        return settings;
    }

    /// <summary>Where people open an issue (<c>jira_url</c>); unknown until the Jira settings are read.</summary>
    public string BrowseBase => Settings.BaseUrl.ToString();

    public static SyncSession Open(CliContext context)
    {
        var store = BacklogMdTaskStore.Open(context.WorkingDirectory);
        var paths = new StatePaths(store.Project.RootPath);
        var config = SyncConfig.Load(paths);
        foreach (var warning in config.Warnings) context.Error.WriteLine("warning: " + warning);
        return new SyncSession(context, store, paths, config);
    }

    /// <summary>One writing run per repository at a time; once it holds the lock, what a killed run left is swept away.</summary>
    public async Task<DirectoryLock> LockAsync(CancellationToken cancellationToken)
    {
        var (held, swept) = await SyncRunLock.AcquireAndSweepAsync(Paths, Store.Project, Clock, cancellationToken);
        if (swept > 0) Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(_context.Logger, "Removed {Count} leftover temp file(s) and stale lock folder(s) of an interrupted run", swept);
        return held;
    }

    public SyncEngine Engine() => new(Store, Jira, Config, Paths, Clock, BrowseBase);

    public IssueCreator Creator(string? projectOverride = null) => new(Store, Jira, Config, Paths, Clock, BrowseBase) { ProjectOverride = projectOverride };

    public JiraImporter Importer() => new(Store, Jira, Config, Paths, Clock, BrowseBase);

    public MappingService Mappings() => new(Store, Paths, Clock);

    private string? TryBrowseBase()
    {
        try { return BrowseBase; }
        catch (BacklogJira.Jira.Errors.JiraConfigurationException) { return null; }
    }

    public void Dispose() => (_client as IDisposable)?.Dispose();
}
