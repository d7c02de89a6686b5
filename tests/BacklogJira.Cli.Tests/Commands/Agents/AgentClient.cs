using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BacklogJira.Cli.Tests.Commands.Agents;

/// <summary><c>backlog-jira mcp serve</c> started as a real child process in a run's project, driven by the official
/// C# SDK client over stdio. Every answer is checked never to hold the Jira token.</summary>
internal sealed class AgentClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly string _token;

    private AgentClient(string token) => _token = token;

    public McpClient Client { get; private set; } = null!;

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public static async Task<AgentClient> StartAsync(CliRun cli, params string[] flags)
    {
        var agent = new AgentClient(cli.Jira.Sandbox.Options.Token);
        var environment = new Dictionary<string, string?>();
        foreach (DictionaryEntry entry in cli.Environment) environment[(string)entry.Key] = entry.Value?.ToString();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "backlog-jira",
            Command = CliProcess.Executable,
            Arguments = [.. CliProcess.Prefix, "mcp", "serve", .. flags],
            WorkingDirectory = cli.Root,
            EnvironmentVariables = environment,
            StandardErrorLines = agent._stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
        agent.Client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "backlog-jira-tests", Version = "1" },
            InitializationTimeout = TimeSpan.FromSeconds(60),
        });
        return agent;
    }

    public async Task<CallToolResult> CallAsync(string tool, object? arguments = null)
    {
        var result = await Client.CallToolAsync(tool, arguments is null ? null : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments)));
        var everything = string.Join("", result.Content.OfType<TextContentBlock>().Select(c => c.Text)) + result.StructuredContent?.GetRawText();
        everything.ShouldNotContain(_token, customMessage: $"{tool} answered with the Jira token");
        return result;
    }

    /// <summary>A call that must succeed: its text and structured content.</summary>
    public async Task<(string Text, JsonObject Structured)> OkAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        var text = string.Join("", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        (result.IsError ?? false).ShouldBeFalse($"{tool}: {text}");
        return (text, JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!.AsObject());
    }

    /// <summary>A call that must fail: its text.</summary>
    public async Task<string> ErrorAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        var text = string.Join("", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        (result.IsError ?? false).ShouldBeTrue($"{tool} should have failed: {text}");
        return text;
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
