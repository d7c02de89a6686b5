namespace Sandbox.Nulab.Model;

/// <summary>A document of a project (Backlog's newer "Documents", ids are strings): a title, Markdown-like plain text,
/// tags, a place in the project's tree (<see cref="ParentId"/>), and whether it is in the trash.</summary>
public sealed class StoredDocument
{
    public required string Id { get; init; }
    public required int ProjectId { get; init; }
    public required string Title { get; init; }
    public required string Plain { get; init; }
    public string? Emoji { get; init; }
    public string? ParentId { get; init; }
    public bool InTrash { get; init; }
    public List<NamedEntry> Tags { get; } = [];
    public required int CreatedUserId { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; init; }
}
