using BacklogJira.BacklogMd.Milestones;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Fields;

/// <summary>A task as the descriptors read it: the task, its description parts in canonical form (composed and parsed
/// the way a Jira description is, so "equal" means equal) and the config that says what Jira can hold.</summary>
public sealed record TaskReading(BacklogMdTask Task, DescriptionParts Parts, SyncConfig Config)
{
    /// <summary>The project's milestones, to read a task's milestone id as its title.</summary>
    public MilestoneCatalog Milestones { get; init; } = MilestoneCatalog.Empty;

    /// <summary>Canonicalises Markdown as the description is (comments use it).</summary>
    public Func<string, string> Markdown { get; init; } = CanonicalText.Markdown;

    /// <summary>Reads the description parts once; <paramref name="markdown"/> canonicalises Markdown (a memo of
    /// <see cref="CanonicalText.Markdown"/> in a sync run).</summary>
    public static TaskReading Of(BacklogMdTask task, SyncConfig config, Func<string, string>? markdown = null, MilestoneCatalog? milestones = null)
    {
        markdown ??= CanonicalText.Markdown;
        var parts = ManagedDescription.Parse(markdown(ManagedDescription.Compose(new DescriptionParts(
            task.Description ?? "",
            [.. task.AcceptanceCriteria.Select(c => new CriterionItem(c.Text.Trim(), c.Checked))],
            task.ImplementationPlan ?? "",
            task.ImplementationNotes ?? "")
        {
            DefinitionOfDone = [.. task.DefinitionOfDone.Select(c => new CriterionItem(c.Text.Trim(), c.Checked))],
            FinalSummary = task.FinalSummary ?? "",
        })));
        return new TaskReading(task, parts, config) { Milestones = milestones ?? MilestoneCatalog.Empty, Markdown = markdown };
    }
}
