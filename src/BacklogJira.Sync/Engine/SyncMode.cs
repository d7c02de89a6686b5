namespace BacklogJira.Sync.Engine;

/// <summary>Which directions a run may write: <c>sync</c> both, <c>push</c> only to Jira, <c>pull</c> only to Backlog,
/// <c>status</c> none.</summary>
public enum SyncMode
{
    Sync,
    Push,
    Pull,
    Status,
}
