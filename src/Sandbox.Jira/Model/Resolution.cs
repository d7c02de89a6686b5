namespace Sandbox.Jira.Model;

/// <summary>A resolution, as a transition to a done status sets it and JQL's <c>resolution</c> matches it.</summary>
public sealed record Resolution(string Id, string Name, string Description)
{
    /// <summary>Jira Cloud's default resolutions (a new site's "Resolutions" admin page).</summary>
    public static IReadOnlyList<Resolution> All { get; } =
    [
        new("10000", "Done", "Work has been completed on this issue."),
        new("10001", "Won't Do", "This issue won't be actioned."),
        new("10002", "Duplicate", "The problem is a duplicate of an existing issue."),
        new("10003", "Cannot Reproduce", "All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue."),
    ];

    /// <summary>By id or by name, case-insensitively.</summary>
    public static Resolution? Find(string reference) =>
        All.FirstOrDefault(r => r.Id == reference || string.Equals(r.Name, reference, StringComparison.OrdinalIgnoreCase));
}
