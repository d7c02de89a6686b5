namespace BacklogMcp.Core.Configuration;

/// <summary>What backlog-mcp needs to run. <see cref="ToString"/> never shows the API key.</summary>
public sealed record BacklogMcpSettings
{
    /// <summary>The space's origin, e.g. https://yourspace.backlog.com (no trailing slash; the API is under /api/v2).</summary>
    public required Uri BaseUrl { get; init; }

    public required string ApiKey { get; init; }

    /// <summary>Where downloads and exports may write (ATTACHMENT_WORKSPACE; default: .backlog-mcp in the working directory).</summary>
    public required string DownloadRoot { get; init; }

    /// <summary>BACKLOG_ENABLE_WRITES=true adds the write tools; read-only otherwise.</summary>
    public bool WritesEnabled { get; init; }

    /// <summary>BACKLOG_TIMEOUT_SECONDS: how long one request may take (default 30 s; downloads get 10× as long).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>BACKLOG_MAX_TOKENS: the most an answer may cost, estimated (default 50,000, as Nulab's server).</summary>
    public int MaxTokens { get; init; } = Formatting.TokenBudget.Default;

    /// <summary>BACKLOG_TOOLSETS (or Nulab's ENABLE_TOOLSETS): the tool groups offered (default: all).</summary>
    public IReadOnlySet<string> Toolsets { get; init; } = Tools.Toolsets.Offered.ToHashSet(StringComparer.Ordinal);

    /// <summary>BACKLOG_DYNAMIC_TOOLSETS: <see cref="Toolsets"/> are the ones on at start, and the agent turns more on.</summary>
    public bool DynamicToolsets { get; init; }

    public override string ToString() => $"{BaseUrl} (API key set, downloads under {DownloadRoot}, writes {(WritesEnabled ? "on" : "off")}, toolsets {(Toolsets.Count == 0 ? "none" : string.Join(",", Toolsets.Order(StringComparer.Ordinal)))}{(DynamicToolsets ? " (dynamic)" : "")})";
}
