using System.Globalization;
using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Ids;
using BacklogJira.BacklogMd.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BacklogJira.BacklogMd.Parsing;

/// <summary>Either a parsed task or the reason the file was skipped.</summary>
public sealed record TaskParseResult(BacklogMdTask? Task, TaskFileProblem? Problem);

/// <summary>
/// Parses one task file exactly as Backlog.md 1.52 reads it (docs/reference/backlog-md.md §2, §3): gray-matter frontmatter with the CLI's
/// pre-pass, js-yaml value resolution, the parser's per-key rules, then the body sections.
/// </summary>
public static partial class TaskFileParser
{
    public static TaskParseResult Parse(string filePath, string text, TaskFolder folder)
    {
        var cut = TaskFileDocument.Cut(text);
        if (cut.Document is not { } document)
        {
            return Fail(filePath, cut.Line, cut.Error!);
        }

        var frontmatterLines = document.Frontmatter.Select(l => l.Text).ToArray();
        YamlMappingNode mapping;
        try
        {
            mapping = LoadMapping(FrontmatterPreprocessor.Apply(frontmatterLines));
        }
        catch (Exception ex) when ((ex is YamlException || ex is FrontmatterShapeException { Message: UnclosedFlow }) && UnclosedFlowLine(frontmatterLines) is { } unclosed)
        {
            // YamlDotNet notices a flow collection left open only where the frontmatter ends: point at where it opens.
            return Fail(filePath, unclosed + 1, UnclosedFlow);
        }
        catch (YamlException ex)
        {
            // +1 for the opening '---' line; YamlDotNet lines are 1-based within the frontmatter.
            return Fail(filePath, (int)ex.Start.Line + 1, $"invalid YAML in the frontmatter: {FirstSentence(ex)}");
        }
        catch (FrontmatterShapeException ex)
        {
            return Fail(filePath, ex.Line is { } l ? l + 1 : 2, ex.Message);
        }

        var values = mapping.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? string.Empty, p => p.Value, StringComparer.Ordinal);

        string? dueDate = null;
        if (values.TryGetValue("due_date", out var dueNode) && ScalarValue(dueNode) is { } dueValue)
        {
            dueDate = ParseDueDate(JsYamlScalar.ToJsString(dueValue));
            if (dueDate is null)
            {
                return Fail(filePath, (int)dueNode.Start.Line + 1,
                    $"due_date '{JsYamlScalar.ToJsString(dueValue)}' is not a valid YYYY-MM-DD date (Backlog.md hides this task until it is fixed)");
            }
        }

        var idText = JsYamlScalar.ToJsStringOrEmpty(ScalarOrNull(values, "id"));
        if (!TaskId.TryParse(idText, out var id))
        {
            return Fail(filePath, LineOf(values, "id") ?? 2,
                idText.Length == 0 ? "the frontmatter has no 'id' (Backlog.md shows it as 'TASK-')" : $"'{idText}' is not a valid task id");
        }

        var body = BodyReader.Read(document.NormalizedBody);
        var task = new BacklogMdTask
        {
            Id = id,
            Title = JsYamlScalar.ToJsStringOrEmpty(ScalarOrNull(values, "title")),
            Status = JsYamlScalar.ToJsStringOrEmpty(ScalarOrNull(values, "status")),
            Assignees = ListOrScalar(values, "assignee"),
            Reporter = TruthyString(values, "reporter"),
            CreatedDate = DateText(values, "created_date"),
            UpdatedDate = DateText(values, "updated_date"),
            DueDate = dueDate,
            Labels = List(values, "labels"),
            Milestone = TruthyString(values, "milestone"),
            Dependencies = List(values, "dependencies"),
            References = List(values, "references"),
            Documentation = List(values, "documentation"),
            ModifiedFiles = List(values, "modified_files"),
            ParentTaskId = TruthyString(values, "parent_task_id"),
            LegacySubtasks = List(values, "subtasks"),
            Priority = TruthyString(values, "priority") is { } p ? Whitespace().Replace(p.Trim(), " ").ToLowerInvariant() : null,
            Type = TruthyString(values, "type"),
            Project = TruthyString(values, "project"),
            Ordinal = Ordinal(values),
            OnStatusChange = TruthyString(values, "onStatusChange"),
            ExtraFrontmatterKeys = values.Where(p => !FrontmatterKeys.IsKnown(p.Key))
                .ToDictionary(p => p.Key, p => ScalarValue(p.Value) is { } v ? JsYamlScalar.ToJsString(v) : p.Value.ToString(), StringComparer.Ordinal),
            Description = body.Description,
            AcceptanceCriteria = body.AcceptanceCriteria,
            DefinitionOfDone = body.DefinitionOfDone,
            ImplementationPlan = body.ImplementationPlan,
            ImplementationNotes = body.ImplementationNotes,
            Comments = body.Comments,
            FinalSummary = body.FinalSummary,
            ManagedSections = body.Managed,
            FilePath = filePath,
            Folder = folder,
        };
        return new TaskParseResult(task, null);
    }

    /// <summary>
    /// The CLI's <c>normalizeDate</c> (docs/reference/backlog-md.md §2.3): YAML dates become <c>YYYY-MM-DD</c> (or with <c>HH:mm</c> when not
    /// midnight), <c>YYYY-MM-DDTHH:mm</c> gets a space, legacy <c>DD-MM-YY</c> forms become 20YY, anything else is kept.
    /// </summary>
    public static string NormalizeDate(object value)
    {
        if (value is DateTime dt)
        {
            return dt.TimeOfDay == TimeSpan.Zero
                ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        var text = JsYamlScalar.ToJsString(value).Trim();
        if (IsoMinute().Match(text) is { Success: true } iso)
        {
            return $"{iso.Groups[1].Value} {iso.Groups[2].Value}";
        }

        if (LegacyShortDate().Match(text) is { Success: true } legacy)
        {
            return $"20{legacy.Groups[3].Value}-{legacy.Groups[2].Value}-{legacy.Groups[1].Value}";
        }

        return text;
    }

    private static string? ParseDueDate(string text)
    {
        var match = DueDateForm().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        return DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? match.Groups[1].Value
            : null;
    }

    internal static YamlMappingNode LoadMapping(string yaml)
    {
        if (yaml.Trim().Length == 0)
        {
            return new YamlMappingNode();
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet reports a repeated key as a dictionary error; js-yaml refuses it too.
            throw new FrontmatterShapeException($"duplicate key in the frontmatter ({ex.Message})", null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on a flow collection that is never closed ("status: [To Do").
            throw new FrontmatterShapeException(UnclosedFlow, null);
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlMappingNode();
        }

        RejectReservedIndicators(stream.Documents[0].RootNode);
        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode map => map,
            YamlScalarNode { Value: null or "" } => new YamlMappingNode(),
            var other => throw new FrontmatterShapeException("the frontmatter is not a key: value mapping", (int)other.Start.Line),
        };
    }

    /// <summary>
    /// js-yaml refuses a plain scalar that starts with the reserved indicators <c>@</c> or a backtick (so the CLI hides
    /// the file); YamlDotNet accepts them. Refuse them too, or we would sync a task Backlog.md cannot see.
    /// </summary>
    private static void RejectReservedIndicators(YamlNode node)
    {
        foreach (var scalar in node.AllNodes.OfType<YamlScalarNode>())
        {
            if (scalar.Style == ScalarStyle.Plain && scalar.Value is { Length: > 0 } value && value[0] is '@' or '`')
            {
                throw new YamlException(scalar.Start, scalar.End,
                    $"'{value[0]}' cannot start a plain value; quote it (\"{value}\")");
            }
        }
    }

    internal static object? ScalarValue(YamlNode node) => node is YamlScalarNode scalar ? JsYamlScalar.Resolve(scalar) : null;

    private static object? ScalarOrNull(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) ? ScalarValue(node) ?? (node is YamlScalarNode ? null : node.ToString()) : null;

    private static string? TruthyString(Dictionary<string, YamlNode> values, string key)
    {
        var value = ScalarOrNull(values, key);
        return JsYamlScalar.IsFalsy(value) ? null : JsYamlScalar.ToJsString(value);
    }

    private static string? DateText(Dictionary<string, YamlNode> values, string key)
    {
        var value = ScalarOrNull(values, key);
        return JsYamlScalar.IsFalsy(value) ? null : NormalizeDate(value!);
    }

    private static IReadOnlyList<string> List(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) && node is YamlSequenceNode seq
            ? seq.Children.Select(c => c is YamlScalarNode s ? JsYamlScalar.ToJsString(JsYamlScalar.Resolve(s)) : c.ToString()).ToArray()
            : [];

    private static IReadOnlyList<string> ListOrScalar(Dictionary<string, YamlNode> values, string key)
    {
        if (values.TryGetValue(key, out var node) && node is YamlSequenceNode)
        {
            return List(values, key);
        }

        return TruthyString(values, key) is { } single ? [single] : [];
    }

    private static double? Ordinal(Dictionary<string, YamlNode> values)
    {
        var value = ScalarOrNull(values, "ordinal");
        return value switch
        {
            null => null,
            double d => d,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static int? LineOf(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) ? (int)node.Start.Line + 1 : null;

    private const string UnclosedFlow = "invalid YAML in the frontmatter: a '[' or '{' is never closed";

    /// <summary>The frontmatter line (1-based) whose value opens more brackets than it closes, if one does.</summary>
    private static int? UnclosedFlowLine(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var value = lines[i].IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? lines[i][(colon + 1)..].Trim() : lines[i].Trim();
            if (!value.StartsWith('[') && !value.StartsWith('{')) continue;
            if (value.Count(c => c is '[' or '{') > value.Count(c => c is ']' or '}')) return i + 1;
        }
        return null;
    }

    private static TaskParseResult Fail(string filePath, int line, string reason) =>
        new(null, new TaskFileProblem(filePath, line, reason));

    private static string FirstSentence(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.IndexOf("):", StringComparison.Ordinal);
        return (cut >= 0 ? message[(cut + 2)..] : message).Trim();
    }

    internal sealed class FrontmatterShapeException(string message, int? line) : Exception(message)
    {
        public int? Line { get; } = line;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoMinute();

    [GeneratedRegex(@"^(\d{2})[-/.](\d{2})[-/.](\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyShortDate();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DueDateForm();
}
