namespace Sandbox.Jira.Model;

/// <summary>A Jira Software board (docs/reference/jira.md §11): sprints belong to a scrum board, which shows a project.</summary>
public sealed record SandboxBoard(long Id, string Name, string Type, string ProjectKey);
