namespace BacklogJira.BacklogMd.Milestones;

/// <summary>A milestone file (<c>backlog/milestones/m-0 - beta.md</c>): its id, as tasks store it, and its title.</summary>
public sealed record BacklogMilestone(string Id, string Title, bool Archived);
