namespace BacklogTools.Files;

/// <summary>Reads <c>KEY=value</c> files (.env) for both tools: comments (whole-line, and " #" after an unquoted value),
/// <c>export</c> prefixes, single and double quotes (escapes in double quotes). One reader, so a line that works for
/// backlog-jira works for backlog-mcp (issue 20: an inline comment became part of an API key there).</summary>
public static class DotEnvFile
{
    /// <summary>
    /// <paramref name="existing"/> with every line setting one of <paramref name="names"/> (plain or <c>export</c>) and
    /// any earlier <paramref name="header"/> removed, then the header and <paramref name="lines"/> appended after one blank
    /// line: the rest of the user's file stays as it was, and rewriting twice gives the same file.
    /// </summary>
    public static string Replace(string existing, IReadOnlyCollection<string> names, string header, IEnumerable<string> lines)
    {
        var kept = existing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(line => !names.Any(name => line.TrimStart().StartsWith(name + "=", StringComparison.Ordinal) || line.TrimStart().StartsWith("export " + name + "=", StringComparison.Ordinal)))
            .Where(line => line.Trim() != header)
            .ToList();
        while (kept.Count > 0 && kept[^1].Length == 0) kept.RemoveAt(kept.Count - 1);
        if (kept.Count > 0) kept.Add("");
        kept.Add(header);
        kept.AddRange(lines);
        return string.Join('\n', kept) + "\n";
    }

    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
            {
                var quote = value[0];
                value = value[1..^1];
                if (quote == '"') value = value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
            }
            else
            {
                var comment = value.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0) value = value[..comment].TrimEnd();
            }
            values[key] = value;
        }
        return values;
    }

    public static IReadOnlyDictionary<string, string> Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : new Dictionary<string, string>();
}
