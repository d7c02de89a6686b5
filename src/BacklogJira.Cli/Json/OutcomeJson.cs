using System.Text.Json.Serialization;

namespace BacklogJira.Cli.Json;

/// <summary>The one JSON document that push, pull, sync, status, create-issue and import print with <c>--json</c>.</summary>
internal sealed record RunJson(int SchemaVersion, string Kind, bool DryRun, IReadOnlyList<PairJson> Tasks, TotalsJson Totals, int ExitCode);

internal sealed record PairJson(
    string TaskId,
    string? JiraKey,
    string State,
    IReadOnlyList<string> Pushed,
    IReadOnlyList<string> Pulled,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<ChangeJson> Changes,
    IReadOnlyList<string> Warnings,
    string? Error,
    IReadOnlyList<WaitJson> Waiting,
    string? MovedFrom);

/// <summary>A write that cannot happen until the user fixes something: the field, its direction, the reason with the fix.</summary>
internal sealed record WaitJson(string Field, string Direction, string Reason);

internal sealed record ChangeJson(string Field, string Direction, string OldValue, string NewValue);

/// <summary>A run's counts; <c>States</c> says how many pairs are in each state (in-sync, needs-push, …, unmapped, failed).</summary>
internal sealed record TotalsJson(int Tasks, int InSync, int Pushed, int Pulled, int Conflicts, int Failed, IReadOnlyDictionary<string, int> States);

internal sealed record MappingJson(string TaskId, string JiraKey, string? JiraId, string MappedAt);

internal sealed record MappingListJson(int SchemaVersion, string Kind, IReadOnlyList<MappingJson> Mappings);

internal sealed record MatchJson(string TaskId, string JiraKey, double Score, string Reason);

internal sealed record MatchListJson(int SchemaVersion, string Kind, bool DryRun, IReadOnlyList<MatchJson> Matches);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(List<PairJson>))]
[JsonSerializable(typeof(PairJson))]
[JsonSerializable(typeof(MappingListJson))]
[JsonSerializable(typeof(MatchListJson))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
