namespace Sandbox.Nulab.Model;

/// <summary>A project's Git repository and its pull requests (numbered per repository from 1).</summary>
public sealed class StoredRepository
{
    public required int Id { get; init; }
    public required int ProjectId { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public int DisplayOrder { get; init; }
    public DateTimeOffset? PushedAt { get; init; }
    public required int CreatedUserId { get; init; }
    public required DateTimeOffset Created { get; init; }
    public List<StoredPullRequest> PullRequests { get; } = [];
}

/// <summary>A pull request; <see cref="StatusId"/> 1 Open, 2 Closed, 3 Merged (Nulab's fixed list).</summary>
public sealed class StoredPullRequest
{
    public required int Id { get; init; }
    public required int Number { get; init; }
    public required string Summary { get; set; }
    public string Description { get; set; } = "";
    public required string Base { get; init; }
    public required string Branch { get; init; }
    public int StatusId { get; init; } = 1;
    public int? AssigneeId { get; set; }
    public int? IssueId { get; set; }
    public required int CreatedUserId { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public List<StoredComment> Comments { get; } = [];

    public static string StatusName(int id) => id switch { 1 => "Open", 2 => "Closed", 3 => "Merged", _ => "Unknown" };
}
