using BacklogJira.BacklogMd.Ids;

namespace BacklogJira.BacklogMd.Tests;

/// <summary>The CLI's id identity and allocation rules (docs/reference/backlog-md.md §1.5).</summary>
public sealed class IdentityTests
{
    [Theory]
    [InlineData("7", "task-7")]
    [InlineData("TASK-007", "task-0007")]
    [InlineData("back-1.2", "BACK-001.02")]
    [InlineData("TASK-ABC", "task-abc")]
    public void Ids_are_the_same_task(string a, string b) => TaskId.Parse(a).IsSameTaskAs(TaskId.Parse(b)).ShouldBeTrue();

    [Theory]
    [InlineData("task-7", "task-17")]
    [InlineData("task-7", "back-7")]
    [InlineData("task-1.1", "task-1")]
    public void Ids_are_different_tasks(string a, string b) => TaskId.Parse(a).IsSameTaskAs(TaskId.Parse(b)).ShouldBeFalse();

    [Fact]
    public void Allocation_pads_new_ids_and_two_digit_children()
    {
        var occupied = new[] { "TASK-001", "task-12", "OTHER-99", "TASK-012.01" }.Select(TaskId.Parse).ToList();
        TaskIdAllocator.NextTopLevel(occupied, "task", 3).ShouldBe("TASK-013");
        TaskIdAllocator.NextTopLevel(occupied, "task", null).ShouldBe("TASK-13");
        TaskIdAllocator.NextChild(occupied, TaskId.Parse("TASK-012"), 3).ShouldBe("TASK-012.02");
        TaskIdAllocator.NextChild(occupied, TaskId.Parse("task-3"), null).ShouldBe("TASK-3.1");
    }
}
