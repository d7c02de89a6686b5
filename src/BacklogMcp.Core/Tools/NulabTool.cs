using System.Text.Json.Nodes;

namespace BacklogMcp.Core.Tools;

/// <summary>What a tool hands back: Markdown for a model to read, and the same facts as a JSON object (matching
/// <see cref="NulabTool.OutputSchema"/>) for programs.</summary>
public sealed record ToolOutput(string Text, JsonObject Structured);

/// <summary>Hints a client may show or act on (MCP tool annotations).</summary>
public sealed record ToolHints(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld = true);

/// <summary>One MCP tool: its advertised name, description and schemas, and what it does.</summary>
public abstract class NulabTool
{
    public static readonly ToolHints ReadsBacklog = new(ReadOnly: true, Destructive: false, Idempotent: true);

    public abstract string Name { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public abstract JsonObject InputSchema { get; }

    public abstract JsonObject OutputSchema { get; }

    public virtual ToolHints Hints => ReadsBacklog;

    /// <summary>The group BACKLOG_TOOLSETS switches it with (<see cref="Toolsets"/>); most tools are about issues.</summary>
    public virtual string Toolset => Toolsets.Issue;

    /// <summary>The argument names <see cref="InputSchema"/> declares; anything else is refused.</summary>
    public IReadOnlyCollection<string> ArgumentNames => _argumentNames ??= [.. ((JsonObject)InputSchema["properties"]!).Select(p => p.Key)];

    // The schema is built on each InputSchema read; the names are needed on every call, so they are kept.
    private HashSet<string>? _argumentNames;

    public Task<ToolOutput> RunAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken)
    {
        args.RejectUnknown(Name, ArgumentNames);
        return ExecuteAsync(args, context, cancellationToken);
    }

    protected abstract Task<ToolOutput> ExecuteAsync(ToolArgs args, ToolContext context, CancellationToken cancellationToken);
}
