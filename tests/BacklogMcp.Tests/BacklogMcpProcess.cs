using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sandbox.Nulab;

namespace BacklogMcp.Tests;

/// <summary>The built backlog-mcp started as a real child process and driven with the official C# SDK client over
/// stdio, pointed at a Nulab sandbox. Its stderr is kept for assertions.</summary>
public sealed class BacklogMcpProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _stderr = new();

    private BacklogMcpProcess(string workingDirectory) => WorkingDirectory = workingDirectory;

    public McpClient Client { get; private set; } = null!;

    public string WorkingDirectory { get; }

    public string DownloadRoot => Path.Combine(WorkingDirectory, ".backlog-mcp");

    public IReadOnlyList<string> Stderr => [.. _stderr];

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "BacklogMcp.dll");

    public static string DotnetHost => System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>How the server is started: the built dll under dotnet, or BACKLOG_MCP_EXECUTABLE (e.g. a Native AOT
    /// publish) so the same tests check that build.</summary>
    public static (string Command, string[] Arguments) Launch =>
        System.Environment.GetEnvironmentVariable("BACKLOG_MCP_EXECUTABLE") is { Length: > 0 } executable ? (executable, []) : (DotnetHost, [ServerDll]);

    public static Dictionary<string, string?> ChildEnvironment(NulabSandbox sandbox, string? apiKey = null) => new()
    {
        ["BACKLOG_BASE_URL"] = sandbox.BaseUrl.GetLeftPart(UriPartial.Authority),
        ["BACKLOG_API_KEY"] = apiKey ?? sandbox.ApiKey,
        ["TZ"] = "UTC",
    };

    public static async Task<BacklogMcpProcess> StartAsync(NulabSandbox sandbox, string workingDirectory, IDictionary<string, string?>? extra = null, string? apiKey = null)
    {
        var environment = ChildEnvironment(sandbox, apiKey);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) environment[key] = value;
        var process = new BacklogMcpProcess(workingDirectory);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "backlog-mcp",
            Command = Launch.Command,
            Arguments = Launch.Arguments,
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = environment,
            StandardErrorLines = process._stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
        process.Client = await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "backlog-mcp-tests", Version = "1" },
            ProtocolVersion = "2025-06-18",
            InitializationTimeout = TimeSpan.FromSeconds(60),
        });
        return process;
    }

    public Task<CallToolResult> CallAsync(string tool, object? arguments = null) =>
        Client.CallToolAsync(tool, arguments is null ? null : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))).AsTask();

    /// <summary>A call that must succeed: its text and structured content.</summary>
    public async Task<(string Text, JsonObject Structured)> OkAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        var text = Text(result);
        (result.IsError ?? false).ShouldBeFalse(text);
        result.StructuredContent.ShouldNotBeNull();
        return (text, JsonNode.Parse(result.StructuredContent.Value.GetRawText())!.AsObject());
    }

    /// <summary>A call that must fail as a tool error: its text.</summary>
    public async Task<string> ErrorAsync(string tool, object? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        var text = Text(result);
        (result.IsError ?? false).ShouldBeTrue(text);
        return text;
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
