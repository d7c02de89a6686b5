using System.Globalization;
using BacklogJira.BacklogMd.Model;
using BacklogJira.BacklogMd.Parsing;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>
/// Applies a <see cref="TaskEdit"/> to a task file's text. Pure: text in, text out. Only the fields whose value changes
/// are rewritten (as the CLI does), <c>updated_date</c> is set when anything changed, and the result is parsed again
/// to prove it reads back as intended before anyone writes it.
/// </summary>
public static class TaskFileEditor
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    /// <returns>The new text, or the original text unchanged when the edit changes nothing.</returns>
    public static string Apply(string originalText, BacklogMdTask current, TaskEdit edit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(edit);
        var document = TaskFileDocument.Cut(originalText).Document
                       ?? throw new TaskEditException($"{current.FilePath} no longer parses; nothing was written.");
        var newline = document.Newline;
        var bodyNewline = document.Body.FirstOrDefault(l => l.Ending.Length > 0).Ending is { Length: > 0 } e ? e : newline;
        var frontmatter = document.Frontmatter.ToList();
        var body = new BodyEditor(document.Body, bodyNewline);
        var stamp = now.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var changed = false;

        void SetScalar(string key, string? wanted, string? actual)
        {
            if (wanted is null || wanted == actual)
            {
                return;
            }

            frontmatter = wanted.Length == 0 && key != "title" && key != "status"
                ? FrontmatterEditor.RemoveEntry(frontmatter, key)
                : FrontmatterEditor.SetEntry(frontmatter, key, JsYamlEmitter.ScalarEntry(key, wanted), newline);
            changed = true;
        }

        void SetList(string key, IReadOnlyList<string>? wanted, IReadOnlyList<string> actual, bool onlyWhenNonEmpty = false)
        {
            if (wanted is null || wanted.SequenceEqual(actual))
            {
                return;
            }

            frontmatter = wanted.Count == 0 && onlyWhenNonEmpty
                ? FrontmatterEditor.RemoveEntry(frontmatter, key)
                : FrontmatterEditor.SetEntry(frontmatter, key, JsYamlEmitter.ListEntry(key, wanted), newline);
            changed = true;
        }

        void SetText(SectionKind kind, string? wanted, string? actual)
        {
            if (wanted is null || wanted.Trim() == (actual ?? string.Empty))
            {
                return;
            }

            body.SetText(kind, wanted);
            changed = true;
        }

        void SetChecklist(SectionKind kind, IReadOnlyList<ChecklistItem>? wanted, IReadOnlyList<ChecklistItem> actual)
        {
            if (wanted is null || wanted.Select(i => (i.Text, i.Checked)).SequenceEqual(actual.Select(i => (i.Text, i.Checked))))
            {
                return;
            }

            body.SetChecklist(kind, wanted.Select(i => (i.Text, i.Checked)).ToList());
            changed = true;
        }

        SetScalar("title", edit.Title?.Trim(), current.Title);
        SetScalar("status", edit.Status, current.Status);
        SetList("assignee", edit.Assignees, current.Assignees);
        SetList("labels", edit.Labels, current.Labels);
        SetList("dependencies", edit.Dependencies, current.Dependencies);
        SetList("references", edit.References, current.References, onlyWhenNonEmpty: true);
        SetScalar("priority", edit.Priority?.Trim().ToLowerInvariant(), current.Priority ?? string.Empty);
        SetScalar("due_date", edit.DueDate?.Trim(), current.DueDate ?? string.Empty);
        SetScalar("type", edit.Type?.Trim(), current.Type ?? string.Empty);
        SetScalar("milestone", edit.Milestone?.Trim(), current.Milestone ?? string.Empty);
        SetScalar("reporter", edit.Reporter?.Trim(), current.Reporter ?? string.Empty);
        SetScalar("parent_task_id", edit.ParentTaskId?.Trim(), current.ParentTaskId ?? string.Empty);
        foreach (var (key, value) in edit.ExtraFrontmatter)
        {
            var actual = current.ExtraFrontmatterKeys.TryGetValue(key, out var v) ? v : null;
            if (value == actual)
            {
                continue;
            }

            frontmatter = value is null
                ? FrontmatterEditor.RemoveEntry(frontmatter, key)
                : FrontmatterEditor.SetEntry(frontmatter, key, JsYamlEmitter.ScalarEntry(key, value), newline);
            changed = true;
        }

        SetText(SectionKind.Description, edit.Description, current.Description);
        SetChecklist(SectionKind.AcceptanceCriteria, edit.AcceptanceCriteria, current.AcceptanceCriteria);
        SetChecklist(SectionKind.DefinitionOfDone, edit.DefinitionOfDone, current.DefinitionOfDone);
        SetText(SectionKind.ImplementationPlan, edit.ImplementationPlan, current.ImplementationPlan);
        SetText(SectionKind.ImplementationNotes, edit.ImplementationNotes, current.ImplementationNotes);
        foreach (var (index, text) in edit.EditComments)
        {
            var existing = current.Comments.FirstOrDefault(c => c.Index == index)
                           ?? throw new TaskEditException($"{current.FilePath} has no comment #{index}; nothing was written.");
            if (existing.Body == text.Trim())
            {
                continue;
            }

            body.ReplaceCommentBody(index, text);
            changed = true;
        }

        foreach (var comment in edit.AddComments)
        {
            body.AddComment(comment.Body, comment.Author, comment.Created ?? stamp);
            changed = true;
        }

        SetText(SectionKind.FinalSummary, edit.FinalSummary, current.FinalSummary);
        foreach (var (title, value) in edit.ManagedSections)
        {
            SetText(SectionKind.Managed(title), value, current.ManagedSections.GetValueOrDefault(title));
        }

        if (!changed)
        {
            return originalText;
        }

        frontmatter = FrontmatterEditor.SetEntry(frontmatter, "updated_date", JsYamlEmitter.ScalarEntry("updated_date", stamp), newline);
        var result = (document with { Frontmatter = frontmatter, Body = body.Lines }).Render();
        VerifyReadsBack(result, current, edit);
        return result;
    }

    private static void VerifyReadsBack(string text, BacklogMdTask current, TaskEdit edit)
    {
        var reread = TaskFileParser.Parse(current.FilePath, text, current.Folder);
        var task = reread.Task ?? throw new TaskEditException($"The edit would make {current.FilePath} unreadable ({reread.Problem}); nothing was written.");
        var mismatches = new List<string>();
        void Expect(string field, bool ok)
        {
            if (!ok)
            {
                mismatches.Add(field);
            }
        }

        Expect("title", edit.Title is null || task.Title == edit.Title.Trim());
        Expect("status", edit.Status is null || task.Status == edit.Status);
        Expect("assignee", edit.Assignees is null || task.Assignees.SequenceEqual(edit.Assignees));
        Expect("labels", edit.Labels is null || task.Labels.SequenceEqual(edit.Labels));
        Expect("references", edit.References is null || task.References.SequenceEqual(edit.References));
        Expect("dependencies", edit.Dependencies is null || task.Dependencies.SequenceEqual(edit.Dependencies));
        Expect("description", edit.Description is null || (task.Description ?? string.Empty) == edit.Description.Trim()
                                                      || (edit.Description.Trim().Length == 0 && task.Description is null));
        Expect("implementation plan", edit.ImplementationPlan is null || (task.ImplementationPlan ?? string.Empty) == edit.ImplementationPlan.Trim());
        Expect("implementation notes", edit.ImplementationNotes is null || (task.ImplementationNotes ?? string.Empty) == edit.ImplementationNotes.Trim());
        Expect("final summary", edit.FinalSummary is null || (task.FinalSummary ?? string.Empty) == edit.FinalSummary.Trim());
        Expect("due date", edit.DueDate is null || (task.DueDate ?? string.Empty) == edit.DueDate.Trim());
        Expect("type", edit.Type is null || (task.Type ?? string.Empty) == edit.Type.Trim());
        Expect("milestone", edit.Milestone is null || (task.Milestone ?? string.Empty) == edit.Milestone.Trim());
        Expect("reporter", edit.Reporter is null || (task.Reporter ?? string.Empty) == edit.Reporter.Trim());
        Expect("parent", edit.ParentTaskId is null || (task.ParentTaskId ?? string.Empty) == edit.ParentTaskId.Trim());
        Expect("acceptance criteria", edit.AcceptanceCriteria is null ||
                                      task.AcceptanceCriteria.Select(i => (i.Text, i.Checked)).SequenceEqual(edit.AcceptanceCriteria.Select(i => (i.Text.Trim(), i.Checked))));
        Expect("definition of done", edit.DefinitionOfDone is null ||
                                     task.DefinitionOfDone.Select(i => (i.Text, i.Checked)).SequenceEqual(edit.DefinitionOfDone.Select(i => (i.Text.Trim(), i.Checked))));
        foreach (var (title, value) in edit.ManagedSections)
        {
            Expect($"section \"{title}\"", (task.ManagedSections.GetValueOrDefault(title) ?? string.Empty) == value.Trim());
        }

        Expect("comments", task.Comments.Count == current.Comments.Count + edit.AddComments.Count);
        foreach (var (index, wanted) in edit.EditComments)
        {
            Expect($"comment #{index}", task.Comments.FirstOrDefault(c => c.Index == index)?.Body == wanted.Trim());
        }
        if (mismatches.Count > 0)
        {
            throw new TaskEditException(
                $"The edit of {current.FilePath} would not read back as written ({string.Join(", ", mismatches)}); nothing was written. " +
                "The file probably has sections Backlog.md reads differently from their layout; fix them with `backlog task edit`.");
        }
    }
}
