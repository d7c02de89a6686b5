using System.Text.Json.Serialization;

namespace BacklogJira.Sync.State;

/// <summary>Source-generated JSON for every state file this tool owns.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MappingDocument))]
[JsonSerializable(typeof(SnapshotFile))]
[JsonSerializable(typeof(OpsLogRecord))]
[JsonSerializable(typeof(JiraIssueCacheDocument))]
[JsonSerializable(typeof(JiraIssueCacheIndexDocument))]
[JsonSerializable(typeof(CanonicalTextMemoDocument))]
[JsonSerializable(typeof(PairFingerprintDocument))]
[JsonSerializable(typeof(ImportIntentDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
