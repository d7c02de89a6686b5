namespace Sandbox.Nulab.Model;

/// <summary>A wiki page of a project: a name (a path-like title such as <c>Guides/Setup</c>), Markdown or Backlog
/// notation content, tags, and attachments (metadata only: the sandbox serves no wiki file downloads).</summary>
public sealed class StoredWiki
{
    public required int Id { get; init; }

    public required int ProjectId { get; init; }

    public required string Name { get; set; }

    public required string Content { get; set; }

    public List<NamedEntry> Tags { get; } = [];

    public List<StoredAttachment> Attachments { get; } = [];

    public required int CreatedUserId { get; init; }

    public required DateTimeOffset Created { get; init; }

    public int UpdatedUserId { get; set; }

    public DateTimeOffset Updated { get; set; }
}
