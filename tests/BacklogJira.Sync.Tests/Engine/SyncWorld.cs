using System.Text.Json.Nodes;
using BacklogJira.BacklogMd;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Rest;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using BacklogJira.Testing;
using Sandbox.Jira;

namespace BacklogJira.Sync.Tests.Engine;

/// <summary>A Backlog.md project made by the real CLI, a Jira sandbox, and the engine between them, reaching Jira over
/// REST or through the MCP stand-in. <see cref="Client"/> is always REST: the tests' own edits and checks in Jira.</summary>
internal sealed class SyncWorld : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("bj-sync");

    private SyncWorld(SandboxJira jira) => Jira = jira;

    public SandboxJira Jira { get; }
    public string Root => _dir.Path;
    public StatePaths Paths => new(Root);
    public JiraRestClient Client { get; private set; } = null!;

    /// <summary>The client the engine uses, per <see cref="JiraTransport"/>.</summary>
    public IJiraClient SyncClient { get; private set; } = null!;
    public BacklogMdTaskStore Store => BacklogMdTaskStore.Open(Root);

    /// <param name="configure">Changes to config.json.</param>
    /// <param name="mode">Cloud or Data Center.</param>
    /// <param name="transport">How the engine reaches Jira.</param>
    /// <param name="jiraClock">The sandbox's clock (e.g. an <see cref="OffsetClock"/> to date its issues in the past).</param>
    public static async Task<SyncWorld> CreateAsync(Action<JsonObject>? configure = null, SandboxMode mode = SandboxMode.Cloud, JiraTransport transport = JiraTransport.Rest,
        TimeProvider? jiraClock = null)
    {
        var options = new SandboxOptions { Mode = mode, User = mode == SandboxMode.Cloud ? "demo@example.com" : "demo" };
        if (jiraClock is not null) options = options with { Clock = jiraClock };
        var world = new SyncWorld(await SandboxJira.StartAsync(options));
        await BacklogCli.InitAsync(world.Root, "--no-git");
        await StateInitializer.InitializeAsync(world.Paths, "DEMO", CancellationToken.None);
        var config = SyncConfig.Load(world.Paths).Json;
        config["backlog"]!["assigneeMapping"] = mode == SandboxMode.Cloud
            ? new JsonObject { ["alice"] = "5b10a2844c20165700ede21a", ["bob"] = "5b10a2844c20165700ede22b" }
            : new JsonObject { ["alice"] = "alice", ["bob"] = "bob" };
        config["sync"]!["conflictStrategy"] = "manual";
        configure?.Invoke(config);
        await SyncConfig.SaveAsync(world.Paths, config, CancellationToken.None);
        world.Client = world.Jira.Client();
        var saved = SyncConfig.Load(world.Paths);
        world.SyncClient = world.Jira.ClientFor(transport, saved.CustomJiraFields, saved.ReadsRemoteLinks, saved.ReadsComments, saved.ReadsIssueLinks, saved.ReadsSprints, saved.SprintBoardId);
        return world;
    }

    public async Task<string> CreateTaskAsync(params string[] arguments)
    {
        var result = (await BacklogCli.RunAsync(Root, ["task", "create", .. arguments])).EnsureSuccess("task create");
        var match = System.Text.RegularExpressions.Regex.Match(result.Stdout, @"(?i)task[- ](\d+(?:\.\d+)*)");
        return "TASK-" + match.Groups[1].Value;
    }

    public Task CliAsync(params string[] arguments) => BacklogCli.RunAsync(Root, arguments).ContinueWith(t => t.Result.EnsureSuccess(string.Join(' ', arguments)));

    public SyncEngine Engine(TimeProvider? clock = null) => new(Store, SyncClient, SyncConfig.Load(Paths), Paths, clock ?? TimeProvider.System, Jira.Sandbox.BaseUrl.ToString());

    public IssueCreator Creator(Func<BacklogJira.Core.Ports.JiraIssueRef, Task>? afterCreate = null) =>
        new(Store, SyncClient, SyncConfig.Load(Paths), Paths, TimeProvider.System, Jira.Sandbox.BaseUrl.ToString()) { AfterJiraCreate = afterCreate };

    public JiraImporter Importer() => new(Store, SyncClient, SyncConfig.Load(Paths), Paths, TimeProvider.System, Jira.Sandbox.BaseUrl.ToString());

    public Task<IReadOnlyList<PairOutcome>> RunAsync(SyncMode mode, ConflictStrategy? strategy = null, bool dryRun = false, bool force = false, params string[] ids) =>
        Engine().RunAsync(new SyncRequest { Mode = mode, Strategy = strategy, DryRun = dryRun, Force = force, TaskIds = ids }, CancellationToken.None);

    /// <summary>Requests that change Jira, counted by the sandbox.</summary>
    public int JiraWrites => Jira.Sandbox.Counters.ByEndpoint.Where(e => !e.Key.StartsWith("GET", StringComparison.Ordinal) && !e.Key.Contains("/search", StringComparison.Ordinal)).Sum(e => e.Value);

    /// <summary>From now on the engine uses <paramref name="client"/> (e.g. an MCP server set up to fail).</summary>
    public void UseSyncClient(IJiraClient client) => SyncClient = client;

    public string TaskFile(string id) => Store.Get(id).FilePath;

    public async ValueTask DisposeAsync()
    {
        await Jira.DisposeAsync();
        _dir.Dispose();
    }
}
