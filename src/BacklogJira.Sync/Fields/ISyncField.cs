using BacklogJira.BacklogMd.Writing;
using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;

namespace BacklogJira.Sync.Fields;

/// <summary>
/// One synced field, whole (docs/sync.md, "Field descriptors"): its canonical semantics (compare, show, merge, store),
/// how it is read from a task and from an issue (known, or not represented with the reason and the fix), how it is
/// written to each side, and what <c>create-issue</c> and <c>pull --import</c> do with it. Adding a field is one file
/// in this folder plus its entry in <see cref="SyncFieldCatalog"/>.
/// </summary>
public interface ISyncField : IFieldSemantics
{
    /// <summary>Synced unless config <c>sync.fields</c> turns it off (or on, when false).</summary>
    bool SyncedByDefault => true;

    /// <summary>Whether <c>sync.fields</c> may turn it off; the title never (every issue needs a summary).</summary>
    bool Switchable => true;

    /// <summary>The Jira fields its share of the one edit sets: when Jira refuses the edit naming one of them (not on
    /// the edit screen, a value not allowed), the edit is sent again without this field, which waits with Jira's reason.</summary>
    IReadOnlyList<string> JiraFieldIds => [];

    /// <summary>True when writing the task needs the project's milestones (a title becomes the CLI's id <c>m-0</c>), so
    /// the milestone folder is read only for edits that need it.</summary>
    bool WritesMilestone => false;

    /// <summary>True when Jira cannot take the value at creation (web links): <c>create-issue</c> writes it through
    /// <see cref="WriteJiraAsync"/> once the issue exists.</summary>
    bool WrittenAfterCreate => false;

    SideValue ReadTask(TaskReading reading);

    SideValue ReadIssue(IssueReading reading);

    /// <summary>The task edit with this field set to <paramref name="value"/>; <paramref name="writing"/> holds the task as
    /// read, so what only Backlog holds (a second assignee, a label Jira refuses) is kept.</summary>
    TaskEdit WriteTask(TaskEdit edit, object? value, TaskWriting writing);

    /// <summary>How <paramref name="value"/> goes to Jira: part of the one edit, a step after it (transitions), or skipped
    /// with a warning (then nothing is agreed and the next run tries again).</summary>
    Task<JiraFieldWrite> WriteJiraAsync(JiraWriting writing, object? value, CancellationToken cancellationToken);

    /// <summary><c>create-issue</c>: the new issue with this field set, where Jira takes it at creation.</summary>
    Task<JiraIssueDraft> DraftAsync(JiraWriting writing, JiraIssueDraft draft, object? value, CancellationToken cancellationToken);

    /// <summary><c>pull --import</c>: the new task with this field set.</summary>
    NewTask ToNewTask(NewTask task, object? value, TaskWriting writing);
}

/// <summary>One field's share of a Jira write: a change to the edit, a step after the edit, or neither (skipped).</summary>
public sealed record JiraFieldWrite(Func<JiraIssueUpdate, JiraIssueUpdate>? Edit = null, Func<CancellationToken, Task<bool>>? AfterEdit = null)
{
    public static JiraFieldWrite Skipped { get; } = new();

    public bool IsSkipped => Edit is null && AfterEdit is null;
}
