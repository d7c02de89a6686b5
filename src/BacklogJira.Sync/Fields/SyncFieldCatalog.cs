
namespace BacklogJira.Sync.Fields;

/// <summary>Every synced field, in the order plans and reports list them. The engine, the snapshot, the reports and the
/// CLI iterate over <see cref="All"/>; nothing outside this folder names a field.</summary>
public static class SyncFieldCatalog
{
    public static TitleField Title { get; } = new();
    public static DescriptionField Description { get; } = new();
    public static StatusField Status { get; } = new();
    public static AssigneeField Assignee { get; } = new();
    public static ReporterField Reporter { get; } = new();
    public static IssueTypeField Type { get; } = new();
    public static LabelsField Labels { get; } = new();
    public static PriorityField Priority { get; } = new();
    public static DueDateField DueDate { get; } = new();
    public static MilestoneField Milestone { get; } = new();
    public static ParentField Parent { get; } = new();

    /// <summary>Stands in for <see cref="Milestone"/> when config <c>jira.milestoneAs</c> is <c>"sprint"</c>; not in <see cref="All"/>.</summary>
    public static SprintMilestoneField SprintMilestone { get; } = new();
    public static ReferencesField References { get; } = new();
    public static AcceptanceCriteriaField AcceptanceCriteria { get; } = new();
    public static DefinitionOfDoneField DefinitionOfDone { get; } = new();
    public static ImplementationPlanField ImplementationPlan { get; } = new();
    public static ImplementationNotesField ImplementationNotes { get; } = new();
    public static FinalSummaryField FinalSummary { get; } = new();
    public static CommentsField Comments { get; } = new();
    public static DependenciesField Dependencies { get; } = new();

    public static IReadOnlyList<ISyncField> All { get; } =
        [Title, Description, Status, Assignee, Reporter, Type, Labels, Priority, DueDate, Milestone, Parent, References, Dependencies, AcceptanceCriteria, DefinitionOfDone, ImplementationPlan, ImplementationNotes, FinalSummary, Comments];

    public static ISyncField? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
