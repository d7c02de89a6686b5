using BacklogJira.Core.Fields;
using BacklogJira.Core.Ports;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>What a descriptor needs to write to Jira: the client, the config, the issue (null while creating), the
/// project, every field's value as Jira will hold it after the write (the description parts are composed into one
/// description), and where warnings go.</summary>
public sealed record JiraWriting(IJiraClient Jira, SyncConfig Config, JiraIssue? Issue, string ProjectKey, SideValues Target, ICollection<string> Warnings)
{
    /// <summary>Told the status a workflow walk is about to move the issue to, before the transition is sent (the
    /// engine journals it, so a walk cut off midway resumes from wherever Jira is).</summary>
    public Func<string, CancellationToken, Task>? BeforeHop { get; init; }

    public string IssueName => Issue?.Key ?? "the new issue";
}
