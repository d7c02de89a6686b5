using System.Text.RegularExpressions;
using BacklogJira.BacklogMd.Discovery;
using BacklogJira.BacklogMd.Model;

namespace BacklogJira.Cli.Json;

/// <summary>Maps a parsed task to the CLI's JSON view, with the CLI's id normalization and date conversion.</summary>
internal static partial class TaskJsonMapper
{
    public static TaskJson ToJson(BacklogMdTask task, BacklogMdProject project, IEnumerable<BacklogMdTask> subtasks)
    {
        var prefix = project.Config.TaskPrefix;
        return new TaskJson(
            task.Id.Normalized(prefix),
            task.Title,
            task.Status,
            task.Type,
            task.Priority,
            task.Project,
            task.Assignees,
            task.Reporter,
            task.Labels,
            task.Milestone,
            task.ParentTaskId is { } parent && BacklogJira.BacklogMd.Ids.TaskId.TryParse(parent, out var pid) ? pid.Normalized(prefix) : task.ParentTaskId,
            task.AcceptanceCriteria.Count(i => i.Checked),
            task.AcceptanceCriteria.Count,
            task.References,
            task.ModifiedFiles,
            task.Ordinal,
            ToIsoDate(task.CreatedDate),
            ToIsoDate(task.UpdatedDate),
            task.DueDate,
            project.RelativePath(task.FilePath),
            task.Folder.ToString().ToLowerInvariant(),
            task.Description,
            task.Dependencies,
            task.Documentation,
            subtasks.Select(s => new SubtaskJson(s.Id.Normalized(prefix), s.Title)).ToList(),
            task.AcceptanceCriteria.Select(i => new ChecklistItemJson(i.Index, i.Text, i.Checked)).ToList(),
            task.DefinitionOfDone.Select(i => new ChecklistItemJson(i.Index, i.Text, i.Checked)).ToList(),
            task.ImplementationPlan,
            task.ImplementationNotes,
            task.Comments.Select(c => new CommentJson(c.Index, c.Body, ToIsoDate(c.Created), c.Author)).ToList(),
            task.FinalSummary);
    }

    /// <summary>json-output.ts: <c>YYYY-MM-DD</c> is kept, <c>YYYY-MM-DD HH:mm[:ss]</c> becomes <c>YYYY-MM-DDTHH:mm:ssZ</c>.</summary>
    public static string? ToIsoDate(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        var match = DateTimeText().Match(stored);
        return match.Success
            ? $"{match.Groups["date"].Value}T{match.Groups["hm"].Value}:{(match.Groups["s"].Success ? match.Groups["s"].Value : "00")}Z"
            : stored;
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[ T](?<hm>\d{2}:\d{2})(?::(?<s>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeText();
}
