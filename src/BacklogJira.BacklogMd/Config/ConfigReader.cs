using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BacklogJira.BacklogMd.Config;

/// <summary>
/// Reads config.yml the way the CLI's <c>parseConfig</c> does (docs/reference/backlog-md.md §1.3): list keys are cut out and parsed as YAML,
/// every other key is read line by line with quotes stripped. A list key of the wrong shape is an error, as in the CLI.
/// </summary>
public static class ConfigReader
{
    private static readonly string[] ListKeys = ["statuses", "labels", "types", "priorities", "projects", "default_assignee", "definition_of_done"];

    public static BacklogMdConfig Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var scalars = ReadScalars(lines);
        var lists = ListKeys.ToDictionary(k => k, k => ReadList(lines, k, path));

        string? Scalar(string key) => scalars.TryGetValue(key, out var v) ? v : null;
        bool Flag(string key, bool fallback) => Scalar(key) is { } v ? v.Equals("true", StringComparison.OrdinalIgnoreCase) : fallback;
        int? Number(string key) => int.TryParse(Scalar(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        var defaults = new BacklogMdConfig();
        // Ids are "<letters>-<number>", and the prefix names files: anything but letters is refused, not globbed.
        if (Scalar("task_prefix") is { Length: > 0 } typedPrefix && !typedPrefix.All(char.IsAsciiLetter))
        {
            throw new BacklogMdConfigException($"Backlog could not start because {path} has an invalid value for \"task_prefix\": '{typedPrefix.Replace("\0", "\\0", StringComparison.Ordinal)}' is not letters only (e.g. task_prefix: \"task\").");
        }

        return new BacklogMdConfig
        {
            ProjectName = Scalar("project_name") ?? string.Empty,
            DefaultStatus = Scalar("default_status") is { Length: > 0 } status ? status : defaults.DefaultStatus,
            Statuses = lists["statuses"] ?? defaults.Statuses,
            Labels = lists["labels"] ?? defaults.Labels,
            Types = lists["types"] ?? defaults.Types,
            Priorities = lists["priorities"] ?? defaults.Priorities,
            Projects = lists["projects"] ?? defaults.Projects,
            DefaultAssignee = lists["default_assignee"] ?? (Scalar("default_assignee") is { Length: > 0 } a ? [a] : []),
            DefinitionOfDone = lists["definition_of_done"] ?? [],
            TaskPrefix = Scalar("task_prefix") is { Length: > 0 } prefix ? prefix : defaults.TaskPrefix,
            ZeroPaddedIds = Number("zero_padded_ids") is > 0 and var pad ? pad : null,
            DateFormat = Scalar("date_format") ?? defaults.DateFormat,
            FilesystemOnly = Flag("filesystem_only", false) || Flag("filesystemOnly", false),
            CheckActiveBranches = !string.Equals(Scalar("check_active_branches"), "false", StringComparison.OrdinalIgnoreCase),
            RemoteOperations = Flag("remote_operations", true),
        };
    }

    private static Dictionary<string, string> ReadScalars(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Length == 0 || line.StartsWith('#') || colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim().Replace("'", string.Empty, StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal);
            values.TryAdd(key, value);
        }

        return values;
    }

    private static List<string>? ReadList(string[] lines, string key, string path)
    {
        var start = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (start < 0)
        {
            return null;
        }

        var end = start + 1;
        while (end < lines.Length && (lines[end].StartsWith(' ') || lines[end].StartsWith('-') || lines[end].StartsWith('\t') || lines[end].Trim().Length == 0))
        {
            end++;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(string.Join('\n', lines[start..end])));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // YamlDotNet throws InvalidOperationException for some unclosed flow collections.
            throw new BacklogMdConfigException($"Backlog could not start because {path} has an invalid value for \"{key}\": {ex.Message}");
        }

        // A line such as "labels:{ []" is one plain scalar, not a key with a value: no mapping to read the list from.
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode { Children.Count: > 0 } mapping)
        {
            throw new BacklogMdConfigException($"Backlog could not start because {path} has an invalid value for \"{key}\": expected a list such as {key}: [\"a\", \"b\"].");
        }

        var node = mapping.Children.Values.First();
        return node switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
            YamlScalarNode { Value: null or "" or "~" or "null" } => null,
            YamlScalarNode scalar when key == "default_assignee" => [scalar.Value!],
            _ => throw new BacklogMdConfigException($"Backlog could not start because {path} has an invalid value for \"{key}\": expected a list such as {key}: [\"a\", \"b\"]."),
        };
    }
}

public sealed class BacklogMdConfigException : Exception
{
    public BacklogMdConfigException(string message) : base(message)
    {
    }

    public BacklogMdConfigException()
    {
    }

    public BacklogMdConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
