using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.BacklogMd;
using BacklogJira.Jira.Errors;
using BacklogJira.Operations;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;
using ModelContextProtocol.Protocol;

namespace BacklogJira.Cli.Commands.Mcp.Serve;

/// <summary>
/// Between the MCP SDK and the tools of <c>mcp serve</c>: lists the tools (the writing ones only when writes are
/// allowed), runs one call at a time (the operations share one workspace), and turns every failure into a tool error
/// whose text says what to do. Secrets are blanked out of every answer.
/// </summary>
internal sealed class AgentServer(IReadOnlyList<AgentTool> all, bool writes, Logging.SecretRedactor secrets) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly IReadOnlyList<AgentTool> _offered = [.. all.Where(t => writes || !t.Writes)];

    public ListToolsResult ListTools() => new() { Tools = [.. _offered.Select(Describe)] };

    private static Tool Describe(AgentTool tool) => new()
    {
        Name = tool.Name,
        Title = tool.Title,
        Description = tool.Description,
        InputSchema = JsonSerializer.SerializeToElement(tool.InputSchema, AgentJson.Default.JsonObject),
        OutputSchema = JsonSerializer.SerializeToElement(tool.OutputSchema, AgentJson.Default.JsonObject),
        Annotations = new ToolAnnotations
        {
            Title = tool.Title,
            ReadOnlyHint = !tool.Writes,
            DestructiveHint = tool.Writes && tool.Destructive,
            IdempotentHint = tool.Idempotent,
            OpenWorldHint = true,
        },
    };

    public async ValueTask<CallToolResult> CallToolAsync(CallToolRequestParams? request, CancellationToken cancellationToken)
    {
        var name = request?.Name ?? "";
        var tool = _offered.FirstOrDefault(t => t.Name == name);
        if (tool is null)
        {
            return Failure(all.Any(t => t.Name == name)
                ? $"{name} writes to Jira and task files, and this server was started without writes; start it with 'backlog-jira mcp serve --allow-writes' to use it."
                : $"Unknown tool '{name}'. Tools: {string.Join(", ", _offered.Select(t => t.Name))}.");
        }
        var args = new JsonObject();
        foreach (var (key, value) in request?.Arguments ?? new Dictionary<string, JsonElement>()) args[key] = JsonNode.Parse(value.GetRawText());
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var arguments = new AgentArgs(args);
            arguments.RejectUnknown(((JsonObject)tool.InputSchema["properties"]!).Select(p => p.Key));
            var answer = await tool.Run(arguments, cancellationToken);
            var structured = JsonNode.Parse(secrets.Redact(answer.Structured.ToJsonString()))!.AsObject();
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = secrets.Redact(answer.Text) }],
                StructuredContent = JsonSerializer.SerializeToElement(structured, AgentJson.Default.JsonObject),
            };
        }
        catch (AgentInputException error)
        {
            return Failure($"Invalid input to {name}: {error.Message}");
        }
        catch (Exception error) when (error is PlanDriftException or WritesNotAllowedException or OperationRefusedException or JiraException or SyncConfigException or TaskLookupException
                                          or MappingException or BacklogJira.BacklogMd.Locks.LockBusyException)
        {
            return Failure(error.Message);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failure($"Unexpected error in {name} ({error.GetType().Name}): {error.Message} This is a bug in backlog-jira; please report it with the arguments used.");
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    private CallToolResult Failure(string text) => new() { IsError = true, Content = [new TextContentBlock { Text = secrets.Redact(text) }] };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class AgentJson : System.Text.Json.Serialization.JsonSerializerContext;
