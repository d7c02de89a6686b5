namespace Sandbox.Jira.Model;

/// <summary>An issue link type with its two phrases, and the four every Jira site starts with
/// (docs/reference/jira.md §9).</summary>
public sealed record IssueLinkType(string Id, string Name, string Inward, string Outward)
{
    public static IReadOnlyList<IssueLinkType> Defaults { get; } =
    [
        new("10000", "Blocks", "is blocked by", "blocks"),
        new("10001", "Cloners", "is cloned by", "clones"),
        new("10002", "Duplicate", "is duplicated by", "duplicates"),
        new("10003", "Relates", "relates to", "relates to"),
    ];

    public static IssueLinkType? Find(string? idOrName) =>
        Defaults.FirstOrDefault(t => t.Id == idOrName || string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A link between two issues: <see cref="InwardIssueId"/> is the one the outward phrase belongs to
/// ("A blocks B" is stored with A inward, B outward, as Jira's POST takes it: docs/reference/jira.md §9).</summary>
public sealed class IssueLink
{
    public required string Id { get; init; }
    public required string TypeId { get; init; }
    public required string InwardIssueId { get; init; }
    public required string OutwardIssueId { get; init; }
}
