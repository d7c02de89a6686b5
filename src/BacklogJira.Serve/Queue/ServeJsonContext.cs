using System.Text.Json.Serialization;

namespace BacklogJira.Serve.Queue;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkItem))]
internal sealed partial class ServeJsonContext : JsonSerializerContext;
