using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogTools.Files;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// What mcp-atlassian gave back for each description this transport wrote (docs/mcp-transport.md, "Echoes"): its
/// conversions are lossy (blank lines, escapes, brackets), so right after a write the description is read once and the
/// pair (what was written, what came back) is kept. A later read that still matches what came back is what was
/// written; where it differs, the sections that still match are given back as written and only the changed ones as
/// read. Kept in <c>.backlog-jira/mcp-echoes.json</c> so the next run knows them; in memory when no file is given.
/// </summary>
internal sealed class McpDescriptionEchoes(string? file)
{
    private readonly Lock _gate = new();
    private Dictionary<string, (string Written, string Echo)>? _echoes;

    public string Restore(string issueId, string read)
    {
        (string Written, string Echo) echo;
        lock (_gate)
        {
            if (!Load().TryGetValue(issueId, out echo)) return read;
        }
        if (read == echo.Echo) return echo.Written;
        var written = Sections(echo.Written);
        var came = Sections(echo.Echo);
        return string.Join('\n', Sections(read).Select(section =>
            came.GetValueOrDefault(section.Key) == section.Value && written.TryGetValue(section.Key, out var original) ? original : section.Value));
    }

    public async Task RememberAsync(string issueId, string written, string echo, CancellationToken cancellationToken)
    {
        string text;
        lock (_gate)
        {
            var echoes = Load();
            if (written.Length == 0) echoes.Remove(issueId);
            else echoes[issueId] = (written, echo);
            text = new JsonObject([.. echoes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
                KeyValuePair.Create(e.Key, (JsonNode?)new JsonObject { ["written"] = e.Value.Written, ["echo"] = e.Value.Echo }))]).ToJsonString();
        }
        if (file is not null) await AtomicFile.WriteAllTextAsync(file, text, cancellationToken);
    }

    /// <summary>The text before the first managed heading, then each managed section by its heading, in order.</summary>
    private static Dictionary<string, string> Sections(string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var key = "";
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal) && line.EndsWith("(managed by backlog-jira)", StringComparison.Ordinal))
            {
                sections[key] = string.Join('\n', lines);
                (key, lines) = (line, [line]);
                continue;
            }
            lines.Add(line);
        }
        sections[key] = string.Join('\n', lines);
        return sections;
    }

    /// <summary>An unreadable file is started afresh: the worst outcome is that the next read is taken as the server
    /// gives it, as before this memo existed.</summary>
    private Dictionary<string, (string Written, string Echo)> Load()
    {
        if (_echoes is not null) return _echoes;
        _echoes = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (file is null || !File.Exists(file)) return _echoes;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(file)) is JsonObject json)
                foreach (var (id, value) in json)
                    if (value?["written"]?.GetValue<string>() is { } written && value["echo"]?.GetValue<string>() is { } echo) _echoes[id] = (written, echo);
        }
        catch (Exception error) when (error is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
        }
        return _echoes;
    }
}
