using BacklogJira.BacklogMd.Parsing;

namespace BacklogJira.BacklogMd.Writing;

/// <summary>
/// Renders a new task file exactly as <c>backlog task create</c> writes it (docs/reference/backlog-md.md §2.1, §2.2, §3.1): canonical key order,
/// js-yaml scalar styles, one blank line after the frontmatter, marked sections in canonical order, one final newline.
/// </summary>
public static class NewTaskRenderer
{
    public static string Render(NewTask task, string id, string status, IReadOnlyList<string> assignees,
        IReadOnlyList<string> definitionOfDone, double? ordinal, string createdDate)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(definitionOfDone);
        const string nl = "\n";
        var fm = new List<SourceLine>();
        void Scalar(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                fm = FrontmatterEditor.SetEntry(fm, key, JsYamlEmitter.ScalarEntry(key, value), nl);
            }
        }

        void List(string key, IReadOnlyList<string> values, bool always)
        {
            if (always || values.Count > 0)
            {
                fm = FrontmatterEditor.SetEntry(fm, key, JsYamlEmitter.ListEntry(key, values), nl);
            }
        }

        Scalar("id", id);
        fm = FrontmatterEditor.SetEntry(fm, "title", JsYamlEmitter.ScalarEntry("title", task.Title.Trim()), nl);
        fm = FrontmatterEditor.SetEntry(fm, "status", JsYamlEmitter.ScalarEntry("status", status), nl);
        List("assignee", assignees, always: true);
        Scalar("reporter", task.Reporter);
        Scalar("created_date", createdDate);
        Scalar("due_date", task.DueDate);
        List("labels", task.Labels, always: true);
        Scalar("milestone", task.Milestone);
        List("dependencies", task.Dependencies, always: true);
        List("references", task.References, always: false);
        List("documentation", task.Documentation, always: false);
        Scalar("parent_task_id", task.ParentId);
        Scalar("priority", task.Priority?.Trim().ToLowerInvariant());
        Scalar("type", task.Type);
        Scalar("project", task.Project);
        if (ordinal is { } o)
        {
            fm = FrontmatterEditor.SetEntry(fm, "ordinal", JsYamlEmitter.NumberEntry("ordinal", o), nl);
        }

        foreach (var (key, value) in task.ExtraFrontmatter)
        {
            fm = FrontmatterEditor.SetEntry(fm, key, JsYamlEmitter.ScalarEntry(key, value), nl);
        }

        var body = new BodyEditor([new SourceLine(string.Empty, nl), new SourceLine(string.Empty, nl)], nl);
        if (!string.IsNullOrWhiteSpace(task.Description))
        {
            body.SetText(SectionKind.Description, task.Description);
        }

        body.SetChecklist(SectionKind.AcceptanceCriteria, task.AcceptanceCriteria.Select(t => (t, false)).ToList());
        body.SetChecklist(SectionKind.DefinitionOfDone, definitionOfDone.Select(t => (t, false)).ToList());
        foreach (var (kind, value) in new[]
                 {
                     (SectionKind.ImplementationPlan, task.ImplementationPlan),
                     (SectionKind.ImplementationNotes, task.ImplementationNotes),
                     (SectionKind.FinalSummary, task.FinalSummary),
                 })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                body.SetText(kind, value);
            }
        }

        foreach (var (title, value) in task.ManagedSections.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
        {
            body.SetText(SectionKind.Managed(title), value);
        }

        foreach (var comment in task.Comments)
        {
            body.AddComment(comment.Body, comment.Author, comment.Created ?? createdDate);
        }

        var document = new TaskFileDocument(false, new SourceLine("---", nl), fm, new SourceLine("---", nl), body.Lines);
        return document.Render();
    }
}
