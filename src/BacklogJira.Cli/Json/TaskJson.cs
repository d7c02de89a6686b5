using System.Text.Json.Serialization;

namespace BacklogJira.Cli.Json;

/// <summary>A task in the field names and order of <c>backlog task view --json</c> (schemaVersion 1), plus <c>folder</c>.</summary>
internal sealed record TaskJson(
    string Id,
    string Title,
    string Status,
    string? Type,
    string? Priority,
    string? Project,
    IReadOnlyList<string> Assignees,
    string? Reporter,
    IReadOnlyList<string> Labels,
    string? Milestone,
    string? ParentTaskId,
    int AcceptanceCriteriaCompleted,
    int AcceptanceCriteriaCount,
    IReadOnlyList<string> References,
    IReadOnlyList<string> ModifiedFiles,
    double? Ordinal,
    string? CreatedAt,
    string? UpdatedAt,
    string? DueDate,
    string Path,
    string Folder,
    string? Description,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<string> Documentation,
    IReadOnlyList<SubtaskJson> Subtasks,
    IReadOnlyList<ChecklistItemJson> AcceptanceCriteria,
    IReadOnlyList<ChecklistItemJson> DefinitionOfDone,
    string? ImplementationPlan,
    string? ImplementationNotes,
    IReadOnlyList<CommentJson> Comments,
    string? FinalSummary);

internal sealed record SubtaskJson(string Id, string Title);

internal sealed record ChecklistItemJson(int Index, string Text, bool Checked);

internal sealed record CommentJson(int Index, string Body, string? CreatedAt, string? Author);

internal sealed record TaskViewJson(int SchemaVersion, string Kind, TaskJson Task);

internal sealed record TaskListJson(int SchemaVersion, string Kind, IReadOnlyList<TaskJson> Tasks, IReadOnlyList<ProblemJson> Problems,
    IReadOnlyList<DuplicateJson> Duplicates);

internal sealed record ProblemJson(string Path, int? Line, string Reason);

internal sealed record DuplicateJson(string Id, IReadOnlyList<string> Paths);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TaskViewJson))]
[JsonSerializable(typeof(TaskListJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
