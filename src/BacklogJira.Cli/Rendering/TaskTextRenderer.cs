using System.Text;
using BacklogJira.Cli.Json;

namespace BacklogJira.Cli.Rendering;

/// <summary>Human-readable task views, laid out like <c>backlog task view --plain</c> so people recognise them.</summary>
internal static class TaskTextRenderer
{
    private static readonly string Rule = new('-', 50);

    public static string Render(TaskJson task)
    {
        var text = new StringBuilder();
        text.AppendLine($"File: {task.Path}").AppendLine();
        text.AppendLine($"Task {task.Id} - {task.Title}").AppendLine(new string('=', 50)).AppendLine();
        Line(text, "Status", task.Status);
        Line(text, "Priority", task.Priority);
        Line(text, "Type", task.Type);
        Line(text, "Assignee", task.Assignees.Count > 0 ? string.Join(", ", task.Assignees.Select(a => a.StartsWith('@') ? a : "@" + a)) : null);
        Line(text, "Created", task.CreatedAt);
        Line(text, "Updated", task.UpdatedAt);
        Line(text, "Due", task.DueDate);
        Line(text, "Labels", task.Labels.Count > 0 ? string.Join(", ", task.Labels) : null);
        Line(text, "Milestone", task.Milestone);
        Line(text, "Parent", task.ParentTaskId);
        Line(text, "Dependencies", task.Dependencies.Count > 0 ? string.Join(", ", task.Dependencies) : null);
        if (task.Subtasks.Count > 0)
        {
            text.AppendLine($"Subtasks ({task.Subtasks.Count}):");
            foreach (var subtask in task.Subtasks)
            {
                text.AppendLine($"- {subtask.Id} - {subtask.Title}");
            }
        }

        Section(text, "Description", task.Description ?? "No description provided");
        Section(text, "Acceptance Criteria", Checklist(task.AcceptanceCriteria) ?? "No acceptance criteria defined");
        Section(text, "Definition of Done", Checklist(task.DefinitionOfDone) ?? "No Definition of Done items defined");
        OptionalSection(text, "Implementation Plan", task.ImplementationPlan);
        OptionalSection(text, "Implementation Notes", task.ImplementationNotes);
        OptionalSection(text, "Comments", task.Comments.Count == 0 ? null
            : string.Join("\n\n", task.Comments.Select(c => $"#{c.Index}{(c.Author is null ? "" : " - " + c.Author)}{(c.CreatedAt is null ? "" : " - " + c.CreatedAt)}\n{c.Body}")));
        OptionalSection(text, "Final Summary", task.FinalSummary);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.AppendLine($"{label}: {value}");
        }
    }

    private static void Section(StringBuilder text, string title, string content) =>
        text.AppendLine().AppendLine($"{title}:").AppendLine(Rule).AppendLine(content);

    private static void OptionalSection(StringBuilder text, string title, string? content)
    {
        if (content is not null)
        {
            Section(text, title, content);
        }
    }

    private static string? Checklist(IReadOnlyList<ChecklistItemJson> items) =>
        items.Count == 0 ? null : string.Join("\n", items.Select(i => $"- [{(i.Checked ? 'x' : ' ')}] #{i.Index} {i.Text}"));
}
