using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogJira.Core.Mapping;
using BacklogTools.Files;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// What mcp-atlassian gave back for each description this transport wrote (docs/mcp-transport.md, "Text conversion"):
/// its conversions are lossy (blank lines, escapes, brackets), so right after a write the description is read once and
/// the pair (what was written, what came back) is kept. A later read that still matches what came back is what was
/// written; where it differs, the sections that still match are given back as written and only the changed ones as
/// read. Kept one file per issue in <c>.backlog-jira/mcp-echoes/</c>, so a write costs one small file whatever the
/// project's size, and the next run knows them; in memory only when no folder is given.
/// </summary>
internal sealed class McpDescriptionEchoes(string? folder)
{
    private readonly Dictionary<string, (string Written, string Echo)?> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Restore(string issueId, string read)
    {
        if (Find(issueId) is not { } echo) return read;
        if (read == echo.Echo) return echo.Written;
        var written = Sections(echo.Written);
        var came = Sections(echo.Echo);
        return string.Join('\n', Sections(read).Select(section =>
            came.GetValueOrDefault(section.Key) == section.Value && written.TryGetValue(section.Key, out var original) ? original : section.Value));
    }

    public async Task RememberAsync(string issueId, string written, string echo, CancellationToken cancellationToken)
    {
        lock (_gate) _known[issueId] = written.Length == 0 ? null : (written, echo);
        if (PathOf(issueId) is not { } path) return;
        if (written.Length == 0)
        {
            File.Delete(path);
            return;
        }
        Directory.CreateDirectory(folder!);
        await AtomicFile.WriteAllTextAsync(path, new JsonObject { ["written"] = written, ["echo"] = echo }.ToJsonString(), cancellationToken);
    }

    private (string Written, string Echo)? Find(string issueId)
    {
        lock (_gate)
        {
            if (_known.TryGetValue(issueId, out var known)) return known;
        }
        var found = Load(issueId);
        lock (_gate) _known[issueId] = found;
        return found;
    }

    /// <summary>An unreadable file counts as no echo: the worst outcome is that the read is taken as the server gives it,
    /// as before this memo existed (check boxes are safe either way: they travel as ballots).</summary>
    private (string Written, string Echo)? Load(string issueId)
    {
        if (PathOf(issueId) is not { } path || !File.Exists(path)) return null;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path));
            return json?["written"]?.GetValue<string>() is { } written && json["echo"]?.GetValue<string>() is { } echo ? (written, echo) : null;
        }
        catch (Exception error) when (error is JsonException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Jira issue ids are numbers; anything else gets no file (and is remembered in memory only).</summary>
    private string? PathOf(string issueId) =>
        folder is null || issueId.Length == 0 || !issueId.All(char.IsAsciiLetterOrDigit) ? null : Path.Combine(folder, issueId + ".json");

    /// <summary>The text before the first managed heading, then each managed section by its heading, in order.</summary>
    private static Dictionary<string, string> Sections(string text)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        var key = "";
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (ManagedDescription.IsManagedHeading(line))
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
}
