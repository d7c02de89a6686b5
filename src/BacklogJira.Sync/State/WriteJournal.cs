using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

/// <summary>One write a run is about to make: a field, the side it goes to, and the value it will hold.
/// <see cref="Via"/> lists the statuses a workflow walk may leave the issue in on its way.</summary>
public sealed record JournalEntry(string Field, string Side, JsonNode? To, IReadOnlyList<string> Via)
{
    public const string Jira = "jira";
    public const string Backlog = "backlog";
}

/// <summary>
/// <c>.backlog-jira/journal/&lt;TASK-ID&gt;.json</c> (local): the writes of a pair's run, recorded before the first is
/// sent and removed once the snapshot holds their outcome (docs/sync.md, "Crash consistency"). A run cut off in between
/// (a kill, a lost answer) leaves it behind, and the next run reads it: a side that holds what we meant to write holds
/// our write (not a change by someone), and an issue standing on a status our workflow walk passes through is on our
/// way, so the walk resumes from there.
/// </summary>
public sealed class WriteJournal(StatePaths paths)
{
    public IReadOnlyList<JournalEntry> Read(string taskId)
    {
        var path = paths.Journal(taskId);
        if (!File.Exists(path)) return [];
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path))?["entries"] is not JsonArray entries) return [];
            return [.. entries.OfType<JsonObject>().Select(e => new JournalEntry(
                e["field"]?.GetValue<string>() ?? "",
                e["side"]?.GetValue<string>() ?? "",
                e["to"]?.DeepClone(),
                e["via"] is JsonArray via ? [.. via.Select(v => v?.GetValue<string>() ?? "")] : []))];
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or IOException)
        {
            // An unreadable journal is no evidence either way: the pair is merged as if there were none.
            return [];
        }
    }

    public async Task RecordAsync(string taskId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var document = new JsonObject
        {
            ["taskId"] = taskId,
            ["entries"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
            {
                ["field"] = e.Field,
                ["side"] = e.Side,
                ["to"] = e.To?.DeepClone(),
                ["via"] = new JsonArray([.. e.Via.Select(v => (JsonNode?)JsonValue.Create(v))]),
            })]),
        };
        var folder = Path.GetDirectoryName(paths.Journal(taskId))!;
        Directory.CreateDirectory(folder);
        // Ignored by git from the inside too: a project set up by an older version has no journal/ line in its .gitignore.
        var ignore = Path.Combine(folder, ".gitignore");
        if (!File.Exists(ignore)) await AtomicFile.WriteAllTextAsync(ignore, "*\n", cancellationToken);
        await AtomicFile.WriteAllTextAsync(paths.Journal(taskId), document.ToJsonString() + "\n", cancellationToken);
    }

    /// <summary>Adds a status the walk is about to move the issue to, before the transition is sent.</summary>
    public async Task AddViaAsync(string taskId, string field, string status, CancellationToken cancellationToken)
    {
        var entries = Read(taskId);
        await RecordAsync(taskId, [.. entries.Select(e => e.Field == field && e.Side == JournalEntry.Jira ? e with { Via = [.. e.Via, status] } : e)], cancellationToken);
    }

    public void Clear(string taskId) => File.Delete(paths.Journal(taskId));
}
