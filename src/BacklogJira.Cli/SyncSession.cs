using BacklogJira.BacklogMd;
using BacklogJira.BacklogMd.Locks;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Operations;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli;

/// <summary>The CLI's <see cref="Workspace"/>: opened from the working directory, with config warnings said on stderr
/// and the Jira client built (on first use) from <c>JIRA_*</c> and <c>.env</c>, its secrets registered for redaction.</summary>
internal sealed class SyncSession : IDisposable
{
    private readonly CliContext _context;
    private JiraConnectionSettings? _settings;

    private SyncSession(CliContext context)
    {
        _context = context;
        Workspace = Workspace.Open(context.WorkingDirectory, config => new JiraConnection(JiraClientFactory.Create(context, config, Settings), Settings.BaseUrl.ToString()));
    }

    public Workspace Workspace { get; }
    public BacklogMdTaskStore Store => Workspace.Store;
    public StatePaths Paths => Workspace.Paths;
    public SyncConfig Config => Workspace.Config;
    public TimeProvider Clock => Workspace.Clock;
    public IJiraClient Jira => Workspace.Jira;

    private JiraConnectionSettings Settings => _settings ??= Announced(JiraSettingsLoader.Load(Store.Project.RootPath, _context.Environment));

    /// <summary>A JIRA_URL cut back to its site is said once per run, on stderr.</summary>
    private JiraConnectionSettings Announced(JiraConnectionSettings settings)
    {
        if (settings.UrlNotice is { } notice) _context.Error.WriteLine("notice: " + notice);
        return settings;
    }

    /// <summary>Where people open an issue (<c>jira_url</c>); unknown until the Jira settings are read.</summary>
    public string BrowseBase => Workspace.BrowseBase;

    public static SyncSession Open(CliContext context)
    {
        var session = new SyncSession(context);
        foreach (var warning in session.Config.Warnings) context.Error.WriteLine("warning: " + warning);
        return session;
    }

    /// <summary>One writing run per repository at a time; once it holds the lock, what a killed run left is swept away.</summary>
    public async Task<DirectoryLock> LockAsync(CancellationToken cancellationToken)
    {
        var (held, swept) = await SyncRunLock.AcquireAndSweepAsync(Paths, Store.Project, Clock, cancellationToken);
        if (swept > 0) Microsoft.Extensions.Logging.LoggerExtensions.LogDebug(_context.Logger, "Removed {Count} leftover temp file(s) and stale lock folder(s) of an interrupted run", swept);
        return held;
    }

    public SyncEngine Engine() => Workspace.Engine();

    public IssueCreator Creator(string? projectOverride = null) => Workspace.Creator(projectOverride);

    public JiraImporter Importer() => Workspace.Importer();

    public MappingService Mappings() => Workspace.Mappings();

    public void Dispose() => Workspace.Dispose();
}
