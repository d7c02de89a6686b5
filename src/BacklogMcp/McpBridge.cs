using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogMcp.Core.Configuration;
using BacklogMcp.Core.Errors;
using BacklogMcp.Core.Files;
using BacklogMcp.Core.Prompts;
using BacklogMcp.Core.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace BacklogMcp;

/// <summary>Between the MCP SDK and the tools: advertises tools and prompts, runs calls, and turns every failure into
/// a tool error (<c>isError</c>) whose text says what to do, with the API key blanked out of it.</summary>
internal sealed class McpBridge(IReadOnlyList<NulabTool> tools, ToolContext context, string apiKey)
{
    // Described once per tool set: fixed for the process, or replaced when a dynamic toolset is turned on.
    private volatile ToolSet _current = Build(tools);

    private sealed record ToolSet(Dictionary<string, NulabTool> ByName, ListToolsResult List);

    public ListToolsResult ListTools() => _current.List;

    /// <summary>The tools after a toolset was turned on.</summary>
    public void Replace(IReadOnlyList<NulabTool> now) => _current = Build(now);

    private static ToolSet Build(IReadOnlyList<NulabTool> tools) =>
        new(tools.ToDictionary(t => t.Name), new ListToolsResult { Tools = [.. tools.Select(Describe)] });

    private static Tool Describe(NulabTool tool) => new()
    {
        Name = tool.Name,
        Title = tool.Title,
        Description = tool.Description,
        InputSchema = JsonSerializer.SerializeToElement(tool.InputSchema, BridgeJson.Default.JsonObject),
        OutputSchema = JsonSerializer.SerializeToElement(tool.OutputSchema, BridgeJson.Default.JsonObject),
        Annotations = new ToolAnnotations
        {
            Title = tool.Title,
            ReadOnlyHint = tool.Hints.ReadOnly,
            DestructiveHint = tool.Hints.Destructive,
            IdempotentHint = tool.Hints.Idempotent,
            OpenWorldHint = tool.Hints.OpenWorld,
        },
    };

    public async ValueTask<CallToolResult> CallToolAsync(CallToolRequestParams? request, CancellationToken cancellationToken)
    {
        var name = request?.Name ?? "";
        var byName = _current.ByName;
        if (!byName.TryGetValue(name, out var tool))
        {
            // A tool of a toolset left out (or a write while writes are off) is told apart from a name that is no tool.
            var elsewhere = ToolCatalog.Create(writesEnabled: true).FirstOrDefault(t => t.Name == name);
            if (elsewhere is not null && !byName.Values.Any(t => t.Toolset == elsewhere.Toolset))
                return Failure(byName.ContainsKey("backlog_enable_toolset")
                    ? $"[INVALID_INPUT] {name} is in the '{elsewhere.Toolset}' toolset, which is off; turn it on with backlog_enable_toolset(toolset: \"{elsewhere.Toolset}\")."
                    : $"[INVALID_INPUT] {name} is in the '{elsewhere.Toolset}' toolset, which this server was not started with; add it to BACKLOG_TOOLSETS. Tools: {string.Join(", ", byName.Keys)}.");
            return Failure($"[INVALID_INPUT] Unknown tool '{name}'. Tools: {string.Join(", ", byName.Keys)}.");
        }
        try
        {
            var output = await tool.RunAsync(new ToolArgs(request?.Arguments as IReadOnlyDictionary<string, JsonElement>), context, cancellationToken);
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = SecretRedaction.Redact(output.Text, apiKey) }],
                StructuredContent = JsonSerializer.SerializeToElement(output.Structured, BridgeJson.Default.JsonObject),
            };
        }
        catch (BacklogMcpException error)
        {
            return Failure(error.ToolText);
        }
        catch (DownloadPathException error)
        {
            return Failure("[INVALID_INPUT] Invalid input: " + error.Message);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Failure($"Could not write under the download root {context.Downloads.Root}: {error.Message} Check ATTACHMENT_WORKSPACE points at a writable folder.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A defect of ours, not of the input: say so plainly (redacted) instead of the SDK's generic text.
            return Failure($"Unexpected error in {name} ({error.GetType().Name}): {error.Message} This is a bug in backlog-mcp; please report it with the arguments used.");
        }
    }

    private CallToolResult Failure(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = SecretRedaction.Redact(text, apiKey) }] };

    public static ListPromptsResult ListPrompts() => new()
    {
        Prompts = [.. AgentPrompts.All.Select(p => new Prompt
        {
            Name = p.Name,
            Title = p.Title,
            Description = p.Description,
            Arguments = [.. p.Arguments.Select(a => new PromptArgument { Name = a.Name, Description = a.Description + (a.Default is { Length: > 0 } d ? $" Default: {d}." : ""), Required = a.Required })],
        })],
    };

    public static GetPromptResult GetPrompt(GetPromptRequestParams? request)
    {
        var prompt = AgentPrompts.All.FirstOrDefault(p => p.Name == request?.Name)
            ?? throw new McpProtocolException($"Unknown prompt '{request?.Name}'. Prompts: {string.Join(", ", AgentPrompts.All.Select(p => p.Name))}.", McpErrorCode.InvalidParams);
        string text;
        try
        {
            text = prompt.RenderWith(request?.Arguments?.ToDictionary(a => a.Key, a => a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString() ?? "" : a.Value.GetRawText()));
        }
        catch (ArgumentException error)
        {
            throw new McpProtocolException(error.Message, McpErrorCode.InvalidParams);
        }
        return new GetPromptResult
        {
            Description = prompt.Description,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
        };
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class BridgeJson : System.Text.Json.Serialization.JsonSerializerContext;
