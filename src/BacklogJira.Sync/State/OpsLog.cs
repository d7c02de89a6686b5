using System.Text.Json;

namespace BacklogJira.Sync.State;

/// <summary>One line of <c>ops-log.jsonl</c>: the original's record (§2.5) plus the run id and the fields touched.</summary>
internal sealed class OpsLogRecord
{
    public string Id { get; set; } = "";
    public string Ts { get; set; } = "";
    public string RunId { get; set; } = "";
    public string Op { get; set; } = "";
    public string? BacklogId { get; set; }
    public string? JiraKey { get; set; }
    public string Outcome { get; set; } = "";
    public List<string>? Fields { get; set; }
    public string? Details { get; set; }
}

/// <summary>Appends one record per operation; local to the clone (ignored by git). Bounded: past
/// <see cref="MaxBytes"/> the log becomes <c>ops-log.1.jsonl</c> (replacing the previous one) and a new one starts, so
/// a long <c>watch</c> never fills the disk; history reads both.</summary>
public sealed class OpsLog(StatePaths paths, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private readonly Lock _gate = new();
    private int _sequence;

    // The log's size as this instance last knew it (-1: not looked yet); a run appends thousands of lines, and a stat per
    // line cost as much as the append.
    private long _size = -1;

    private string Previous => Path.ChangeExtension(paths.OpsLog, ".1.jsonl");

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..12];

    public void Append(string op, string? taskId, string? jiraKey, string outcome, IEnumerable<string>? fields = null, string? details = null)
    {
        var now = clock.GetUtcNow();
        var record = new OpsLogRecord
        {
            Id = $"{RunId}-{Interlocked.Increment(ref _sequence)}",
            Ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            RunId = RunId,
            Op = op,
            BacklogId = taskId,
            JiraKey = jiraKey,
            Outcome = outcome,
            Fields = fields?.ToList() is { Count: > 0 } list ? list : null,
            Details = details,
        };
        var line = JsonSerializer.Serialize(record, Compact.OpsLogRecord) + "\n";
        lock (_gate)
        {
            if (_size < 0)
            {
                Directory.CreateDirectory(paths.Root);
                _size = File.Exists(paths.OpsLog) ? new FileInfo(paths.OpsLog).Length : 0;
            }
            if (_size > 0 && _size + line.Length > MaxBytes)
            {
                File.Move(paths.OpsLog, Previous, overwrite: true);
                _size = 0;
            }
            File.AppendAllText(paths.OpsLog, line);
            _size += System.Text.Encoding.UTF8.GetByteCount(line);
        }
    }

    public IReadOnlyList<string> Tail(int count, string? taskId = null)
    {
        var lines = new[] { Previous, paths.OpsLog }.Where(File.Exists).SelectMany(File.ReadAllLines).Where(l => l.Length > 0).ToArray();
        var selected = taskId is null ? lines : lines.Where(l => l.Contains($"\"backlogId\":\"{taskId}\"", StringComparison.OrdinalIgnoreCase)).ToArray();
        return selected.TakeLast(count).ToList();
    }

    private static readonly StateJsonContext Compact = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    });
}
