namespace Sandbox.Jira.Model;

/// <summary>Jira's four status categories with their real ids (docs/reference/jira.md §2.8).</summary>
public sealed record StatusCategory(int Id, string Key, string ColorName, string Name)
{
    public static readonly StatusCategory Undefined = new(1, "undefined", "medium-gray", "No Category");
    public static readonly StatusCategory New = new(2, "new", "blue-gray", "To Do");
    public static readonly StatusCategory Done = new(3, "done", "green", "Done");
    public static readonly StatusCategory InProgress = new(4, "indeterminate", "yellow", "In Progress");

    public static IReadOnlyList<StatusCategory> All { get; } = [Undefined, New, Done, InProgress];

    public static StatusCategory ByKey(string key) => All.Single(c => c.Key == key);
}
