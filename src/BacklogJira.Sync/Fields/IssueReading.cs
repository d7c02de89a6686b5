using BacklogJira.Core.Mapping;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>An issue as the descriptors read it: the issue, its description split into the task's parts (with which
/// managed sections it holds), the config, and the Backlog.md project's statuses (for the status-category fallback).</summary>
public sealed record IssueReading(JiraIssue Issue, ManagedParts Sections, SyncConfig Config, IReadOnlyList<string> BacklogStatuses)
{
    /// <summary>Notes on values read by a fallback (a status by its category); shown with the pair.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Canonicalises Markdown as the description is (comments use it).</summary>
    public Func<string, string> Markdown { get; init; } = CanonicalText.Markdown;

    /// <summary>Reads the issue's description once; <paramref name="markdown"/> canonicalises Markdown (a memo of
    /// <see cref="CanonicalText.Markdown"/> in a sync run).</summary>
    public static IssueReading Of(JiraIssue issue, SyncConfig config, IReadOnlyList<string> backlogStatuses, Func<string, string>? markdown = null)
    {
        markdown ??= CanonicalText.Markdown;
        return new(issue, ManagedDescription.ParseSections(markdown(issue.Description)), config, backlogStatuses) { Markdown = markdown };
    }
}
