namespace BacklogMcp.Core.Tools;

/// <summary>
/// Groups of tools an agent can switch on with BACKLOG_TOOLSETS, named as Nulab's own server names them
/// (docs/backlog-mcp.md, "Toolsets"), so an agent that knows <c>ENABLE_TOOLSETS=issue,project</c> there knows it here.
/// Only groups this server has tools in can be chosen: naming one it does not offer yet is refused at start, with what
/// it offers, rather than accepted and empty.
/// </summary>
public static class Toolsets
{
    public const string Space = "space";
    public const string Project = "project";
    public const string Issue = "issue";
    public const string Wiki = "wiki";
    public const string Git = "git";
    public const string Notifications = "notifications";
    public const string Document = "document";

    /// <summary>Nulab's server's toolsets that backlog-mcp has no tools in yet (none: every one of its groups is offered).</summary>
    public static IReadOnlyList<string> NotOffered { get; } = [];

    public static IReadOnlyList<string> Offered { get; } = [Space, Project, Issue, Wiki, Git, Notifications, Document];

    /// <summary>The names written in a toolset list, lower-cased.</summary>
    public static IReadOnlyList<string> NamesIn(string? text) =>
        [.. (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant())];

    /// <summary>The toolsets named in <paramref name="text"/> (comma or space separated, <c>all</c> for every one; empty:
    /// every one), or why it cannot be used.</summary>
    public static (IReadOnlySet<string>? Chosen, string? Problem) Parse(string? text)
    {
        var names = NamesIn(text);
        if (names.Count == 0 || names.Contains("all")) return (Offered.ToHashSet(StringComparer.Ordinal), null);
        foreach (var name in names.Where(n => !Offered.Contains(n)))
        {
            var why = NotOffered.Contains(name) ? $"'{name}' is a toolset of Nulab's server that backlog-mcp does not offer yet" : $"'{name}' is not a toolset";
            return (null, $"BACKLOG_TOOLSETS: {why}. Choose among {string.Join(", ", Offered)} (or all), e.g. BACKLOG_TOOLSETS=issue,project");
        }
        return (names.ToHashSet(StringComparer.Ordinal), null);
    }
}
