using BacklogJira.BacklogMd.Ids;
using BacklogJira.BacklogMd.Model;
using BacklogJira.Sync.Engine;
using BacklogJira.Sync.State;

namespace BacklogJira.Sync.Tests.Engine;

public class MappedTaskResolverTests
{
    private static readonly TaskMapping Mapping = new() { TaskId = "TASK-1", JiraKey = "DEMO-1", TaskCreated = "2026-11-27 10:00", MappedAt = DateTimeOffset.UnixEpoch };

    private static BacklogMdTask Task(TaskFolder folder, string created, string? jiraKey = null, string title = "t") => new()
    {
        Id = TaskId.Parse("TASK-1"),
        Title = title,
        Status = "To Do",
        CreatedDate = created,
        FilePath = $"/{folder}/task-1 - {title}.md",
        Folder = folder,
        ExtraFrontmatterKeys = jiraKey is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["jira_key"] = jiraKey },
    };

    [Fact]
    public void The_jira_key_mirror_tells_the_archived_task_from_a_new_one_created_the_same_minute()
    {
        var resolution = MappedTaskResolver.Resolve(Mapping, [Task(TaskFolder.Tasks, "2026-11-27 10:00", title: "new"), Task(TaskFolder.Archived, "2026-11-27 10:00", "DEMO-1")]);
        resolution.Task.ShouldBeNull();
        resolution.Problem!.ShouldContain("archived");
    }

    [Fact]
    public void Without_a_mirror_the_creation_date_decides()
    {
        MappedTaskResolver.Resolve(Mapping, [Task(TaskFolder.Tasks, "2026-11-27 10:00")]).Task.ShouldNotBeNull();
        var reused = MappedTaskResolver.Resolve(Mapping, [Task(TaskFolder.Tasks, "2026-11-28 09:00", title: "other")]);
        reused.Task.ShouldBeNull();
        reused.Problem!.ShouldContain("is now another task (\"other\"");
    }

    [Fact]
    public void A_task_whose_mirror_names_another_issue_is_never_the_mapped_one() =>
        MappedTaskResolver.Resolve(Mapping, [Task(TaskFolder.Tasks, "2026-11-27 10:00", "DEMO-9")]).Task.ShouldBeNull();

    [Fact]
    public void A_completed_task_is_still_synced() =>
        MappedTaskResolver.Resolve(Mapping, [Task(TaskFolder.Completed, "2026-11-27 10:00", "DEMO-1")]).Task!.Folder.ShouldBe(TaskFolder.Completed);
}
