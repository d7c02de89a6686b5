namespace BacklogJira.BacklogMd.Writing;

/// <summary>A task a batch create is about to write: its id, its <c>created_date</c> (which no later CLI edit touches)
/// and its file.</summary>
public sealed record PlannedTask(string Id, string CreatedDate, string FilePath);
