using System.Collections;
using BacklogJira.Testing;

namespace BacklogJira.Cli.Tests;

/// <summary>A Backlog.md project made by the real CLI, a Cloud sandbox, and <c>backlog-jira</c> run in-process on them
/// with its output captured and the sandbox's credentials in its environment (not in the process's).</summary>
internal sealed class CliRun : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("bj-cli");

    private CliRun(SandboxJira jira) => Jira = jira;

    public SandboxJira Jira { get; }
    public string Root => _dir.Path;

    public static async Task<CliRun> StartAsync(Sandbox.Jira.SandboxOptions? options = null)
    {
        var run = new CliRun(await SandboxJira.StartAsync(options));
        await BacklogCli.InitAsync(run.Root, "--no-git");
        return run;
    }

    /// <summary>Replaces <see cref="Environment"/> for the next runs (a test of missing or wrong credentials).</summary>
    public IDictionary? EnvironmentOverride { get; set; }

    public IDictionary Environment => EnvironmentOverride ?? new Hashtable
    {
        ["JIRA_URL"] = Jira.Sandbox.BaseUrl.ToString(),
        ["JIRA_EMAIL"] = Jira.Sandbox.Options.User,
        ["JIRA_API_TOKEN"] = Jira.Sandbox.Options.Token,
        // The sandbox listens on 127.0.0.1, which the MCP transport would take for Data Center.
        ["JIRA_DEPLOYMENT"] = "cloud",
        ["PATH"] = System.Environment.GetEnvironmentVariable("PATH"),
    };

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public Task<Result> RunAsync(params string[] args) => RunInteractiveAsync(null, args);

    /// <summary>Not on a terminal, with <paramref name="input"/> on stdin (a token piped in by a script).</summary>
    public async Task<Result> RunWithInputAsync(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(input);
        var code = await CliApp.RunAsync(args, new CliContext(Root, stdout, stderr, Environment, IsInteractive: false, stdin));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs as if on a terminal when <paramref name="answers"/> is given: prompts read those lines.</summary>
    public async Task<Result> RunInteractiveAsync(string? answers, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(answers ?? "");
        var context = new CliContext(Root, stdout, stderr, Environment, IsInteractive: answers is not null, stdin);
        var code = await CliApp.RunAsync(args, context);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public Task<BacklogCli.Result> BacklogAsync(params string[] args) => BacklogCli.RunAsync(Root, args);

    /// <summary>Edits <c>.backlog-jira/config.json</c> as a user would by hand.</summary>
    public async Task EditConfigAsync(Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        var path = Path.Combine(Root, ".backlog-jira", "config.json");
        var config = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        edit(config);
        await File.WriteAllTextAsync(path, config.ToJsonString());
    }

    /// <summary>Points config <c>mcp</c> at the stand-in MCP Atlassian server (sandbox-jira-mcp) over this run's sandbox,
    /// with the workflow targets it cannot tell; returns the config as written, for further changes.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> UseMcpStandInAsync()
    {
        var configPath = Path.Combine(Root, ".backlog-jira", "config.json");
        var config = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(configPath))!;
        var launch = SandboxMcp.Launch();
        config["mcp"] = new System.Text.Json.Nodes.JsonObject
        {
            ["command"] = launch.Command,
            ["args"] = new System.Text.Json.Nodes.JsonArray([.. launch.Arguments.Select(a => (System.Text.Json.Nodes.JsonNode?)a)]),
        };
        config["jira"]!["transitionTargets"] = new System.Text.Json.Nodes.JsonObject(
            SandboxMcp.DefaultWorkflowTargets.Select(t => KeyValuePair.Create(t.Key, (System.Text.Json.Nodes.JsonNode?)t.Value)));
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        return config;
    }

    public async ValueTask DisposeAsync()
    {
        await Jira.DisposeAsync();
        _dir.Dispose();
    }
}
