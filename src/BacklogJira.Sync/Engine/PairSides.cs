using BacklogJira.BacklogMd.Milestones;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.Fields;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Engine;

/// <summary>A pair read through every descriptor: Backlog's side, Jira's side, and the notes reading made.</summary>
public sealed record PairSides(SideValues Backlog, SideValues Jira, IReadOnlyList<string> Warnings)
{
    public static PairSides Read(BacklogMdTask task, JiraIssue issue, SyncConfig config, IReadOnlyList<string> backlogStatuses, Func<string, string>? markdown = null,
        MilestoneCatalog? milestones = null)
    {
        var issueReading = IssueReading.Of(issue, config, backlogStatuses, markdown);
        var jira = SideReader.Read(issueReading);
        return new PairSides(SideReader.Read(TaskReading.Of(task, config, markdown, milestones)), jira, issueReading.Warnings);
    }

    /// <summary>A field as people read it on one side: its value, or what the side holds that has no canonical form.</summary>
    public static string Show(ISyncField field, SideValue value) => value.Presence switch
    {
        Presence.Known => field.Display(value.Value),
        Presence.Foreign => value.Shown ?? "(unknown)",
        _ => "(not held)",
    };
}
