using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Rest;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// One MCP Atlassian server per run: started on first use by a single flight (concurrent first calls share one start,
/// unlike the original's race, docs/reference/original-plugin.md §7.1), initialised once, its tool list checked for every tool
/// the sync needs, and shut down on dispose. Each call has the REST client's timeout; reads and idempotent writes are
/// retried on the server's rate-limit failure, waiting the Retry-After it quotes.
/// </summary>
internal sealed class McpToolSession : IAsyncDisposable
{
    private const int StderrLinesKept = 20;

    private readonly McpServerLaunch _launch;
    private readonly JiraConnectionSettings _settings;
    private readonly IDictionary _parentEnvironment;
    private readonly IReadOnlyCollection<string> _requiredTools;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly AsyncOnce<McpClient> _client;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _concurrency;
    private readonly string _emptyFolder = Path.Combine(Path.GetTempPath(), "backlog-jira-mcp-" + Guid.NewGuid().ToString("N")[..8]);
    private string _serverName = "";
    private int _calls;

    public McpToolSession(McpServerLaunch launch, JiraConnectionSettings settings, IDictionary parentEnvironment,
        IReadOnlyCollection<string> requiredTools, TimeProvider clock, ILogger logger)
    {
        _launch = launch;
        _settings = settings;
        _parentEnvironment = parentEnvironment;
        _requiredTools = requiredTools;
        _clock = clock;
        _logger = logger;
        _concurrency = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        _client = new AsyncOnce<McpClient>(StartAsync);
    }

    /// <summary>The server's name and version from <c>initialize</c>, once started.</summary>
    public string ServerName => _serverName;

    public IReadOnlySet<string> Tools { get; private set; } = new HashSet<string>();

    /// <summary>Tool calls sent so far (benchmarks report it).</summary>
    public int Calls => Volatile.Read(ref _calls);

    public Task EnsureStartedAsync(CancellationToken cancellationToken) => _client.GetAsync(cancellationToken);

    private async Task<McpClient> StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_emptyFolder);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "mcp-atlassian",
            Command = _launch.Command,
            Arguments = [.. _launch.Arguments],
            WorkingDirectory = _launch.WorkingDirectory ?? _emptyFolder,
            InheritEnvironmentVariables = false,
            EnvironmentVariables = _launch.ChildEnvironment(_settings, _parentEnvironment),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            StandardErrorLines = line =>
            {
                _stderr.Enqueue(line);
                while (_stderr.Count > StderrLinesKept) _stderr.TryDequeue(out _);
                _logger.LogDebug("mcp-atlassian: {Line}", Redact(line));
            },
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        McpClient client;
        try
        {
            client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "backlog-jira", Version = typeof(McpToolSession).Assembly.GetName().Version?.ToString(3) ?? "0" },
                InitializationTimeout = StartTimeout,
                // The initialize handshake at a revision every mcp-atlassian release speaks. Left to itself the SDK first
                // probes the 2026-07-28 server/discover with a 5 s limit; on a loaded machine the probe's answer comes
                // late, the client falls back to initialize, and a server that already agreed on 2026-07-28 refuses it.
                ProtocolVersion = "2025-06-18",
            }, cancellationToken: timeout.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new JiraUnavailableException(
                $"The MCP Atlassian server did not start ({_launch.Describe()}): {Redact(error.Message)}{StderrTail()} " +
                "Check mcp.command and mcp.args in .backlog-jira/config.json, or run it by hand to see why.", null, error);
        }

        try
        {
            _serverName = $"{client.ServerInfo?.Name} {client.ServerInfo?.Version}".Trim();
            var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);
            Tools = tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var missing = _requiredTools.Where(t => !Tools.Contains(t)).ToList();
            if (missing.Count > 0)
                throw new JiraConfigurationException(
                    $"The MCP server ({_serverName}) does not offer {string.Join(", ", missing)}, which the sync needs. " +
                    "With mcp-atlassian, leave TOOLSETS unset or \"all\", include these in ENABLED_TOOLS, and do not set READ_ONLY_MODE.");
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>A first <c>uvx</c> run downloads the server and a first <c>docker run</c> pulls the image: a start gets
    /// far longer than a call (the original's 60 s initialize timeout was too short for an image pull).</summary>
    private TimeSpan StartTimeout => TimeSpan.FromTicks(Math.Max(_settings.RequestTimeout.Ticks * 4, TimeSpan.FromSeconds(120).Ticks));

    /// <summary>Calls a tool and returns its JSON answer (mcp-atlassian sends JSON as the first text block).
    /// A tool error (<c>isError</c>) becomes a <see cref="JiraException"/> chosen from the documented messages.</summary>
    public async Task<JsonNode?> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, bool idempotent, CancellationToken cancellationToken)
    {
        var client = await _client.GetAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            CallToolResult result;
            await _concurrency.WaitAsync(cancellationToken);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_settings.RequestTimeout);
                try
                {
                    Interlocked.Increment(ref _calls);
                    result = await client.CallToolAsync(tool, arguments, cancellationToken: timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new JiraUnavailableException(
                        $"{tool} got no answer from the MCP server within {_settings.RequestTimeout.TotalSeconds:0} s. The server or Jira is slow or stuck; try again, or raise the timeout.", null);
                }
                catch (McpProtocolException error)
                {
                    throw McpToolFailure.FromProtocol(tool, error);
                }
                catch (Exception error) when (error is IOException or InvalidOperationException or McpException or ObjectDisposedException)
                {
                    throw new JiraUnavailableException($"The MCP server stopped answering during {tool}: {Redact(error.Message)}{StderrTail()} Nothing after this call was written; run the command again.", null, error);
                }
            }
            finally
            {
                _concurrency.Release();
            }

            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
            if (result.IsError == true)
            {
                var failure = McpToolFailure.FromToolError(tool, Redact(text));
                if (failure is JiraRateLimitedException && idempotent && attempt < _settings.MaxRetries)
                {
                    await Task.Delay(McpToolFailure.RetryAfter(text) ?? _settings.BackoffBase * Math.Pow(2, attempt), _clock, cancellationToken);
                    continue;
                }
                throw failure;
            }
            return Parse(tool, text, result.StructuredContent);
        }
    }

    private static JsonNode? Parse(string tool, string text, JsonElement? structured)
    {
        if (text.Length == 0 && structured is { } element && element.TryGetProperty("result", out var wrapped) && wrapped.ValueKind == JsonValueKind.String)
            text = wrapped.GetString() ?? "";
        if (text.Length == 0) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException)
        {
            throw new JiraException($"{tool} answered with text that is not JSON (first 200 characters: \"{text[..Math.Min(200, text.Length)]}\"). " +
                "Is mcp.command really sooperset/mcp-atlassian? backlog-jira reads its JSON answers.");
        }
    }

    private string StderrTail()
    {
        var lines = _stderr.ToArray();
        return lines.Length == 0 ? "" : " Its last output: " + Redact(string.Join(" | ", lines.TakeLast(5)));
    }

    private string Redact(string text)
    {
        foreach (var secret in McpServerLaunch.Secrets(_settings)) text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.TryGetCompleted() is { } client) await client.DisposeAsync();
        try { Directory.Delete(_emptyFolder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        _concurrency.Dispose();
    }
}
