namespace BacklogMcp.Core.Configuration;

/// <summary>A <c>.env</c> file: <c>NAME=value</c> lines, optional <c>export</c>, quotes stripped, comments and blank
/// lines ignored. A missing file is empty. (backlog-mcp is a separate tool from backlog-jira and does not depend on its
/// Jira adapter, whose reader also handles escapes and inline comments.)</summary>
public static class DotEnv
{
    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return values;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line["export ".Length..].TrimStart();
            var equals = line.IndexOf('=');
            if (equals <= 0) continue;
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0]) value = value[1..^1];
            values[line[..equals].Trim()] = value;
        }
        return values;
    }
}
