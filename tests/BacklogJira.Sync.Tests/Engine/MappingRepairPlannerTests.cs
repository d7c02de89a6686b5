using BacklogJira.Sync.Engine;

namespace BacklogJira.Sync.Tests.Engine;

public class MappingRepairPlannerTests
{
    private static RepairTask Task(string id, string? mirror) => new(id, mirror, "2026-01-01 10:00", $"backlog/tasks/{id.ToLowerInvariant()} - x.md");

    [Fact]
    public void Agreeing_or_uncontradicted_anchors_make_pairs()
    {
        var plan = MappingRepairPlanner.Plan([],
            [Task("TASK-1", "DEMO-1"), Task("TASK-2", null), Task("TASK-3", "DEMO-3"), Task("TASK-4", null)],
            [new("10", "DEMO-1", "TASK-1"), new("20", "DEMO-2", "TASK-2"), new("30", "DEMO-3", null), new("40", "DEMO-4", null)]);

        plan.Contradictions.ShouldBeEmpty();
        plan.Added.Select(p => (p.TaskId, p.JiraKey, p.Evidence)).ShouldBe([("TASK-1", "DEMO-1", "both"), ("TASK-2", "DEMO-2", "property"), ("TASK-3", "DEMO-3", "mirror")]);
    }

    [Fact]
    public void Disagreeing_anchors_are_reported_and_never_guessed()
    {
        var plan = MappingRepairPlanner.Plan([],
            [Task("TASK-1", "DEMO-2"), Task("TASK-2", "DEMO-2"), Task("TASK-5", "DEMO-9"), Task("TASK-6", "DEMO-6")],
            [new("20", "DEMO-2", null), new("60", "DEMO-6", "TASK-7"), new("70", "DEMO-7", "TASK-8")]);

        plan.Added.ShouldBeEmpty();
        plan.Contradictions.ShouldContain(c => c.Contains("DEMO-2 is claimed by TASK-1 and TASK-2"));
        plan.Contradictions.ShouldContain(c => c.Contains("TASK-5") && c.Contains("DEMO-9, which is not an issue of the project"));
        plan.Contradictions.ShouldContain(c => c.Contains("TASK-6 names DEMO-6, but DEMO-6 was created for TASK-7"));
        plan.Contradictions.ShouldContain(c => c.Contains("DEMO-7 was created for TASK-8, which no task file holds"));
    }

    [Fact]
    public void Pairs_already_in_the_mapping_file_are_kept_and_a_contradicting_anchor_is_reported()
    {
        var plan = MappingRepairPlanner.Plan([("TASK-1", "DEMO-1", "10"), ("TASK-2", "DEMO-2", "20")],
            [Task("TASK-1", "DEMO-1"), Task("TASK-2", "DEMO-3"), Task("TASK-4", "DEMO-2")],
            [new("10", "DEMO-1", null), new("20", "DEMO-2", null), new("30", "DEMO-3", null)]);

        plan.Pairs.Where(p => p.Evidence == "kept").Select(p => p.TaskId).ShouldBe(["TASK-1", "TASK-2"]);
        plan.Added.ShouldBeEmpty();
        plan.Contradictions.ShouldContain(c => c.Contains("mappings.json pairs TASK-2 with DEMO-2, but the anchors say DEMO-3"));
        plan.Contradictions.ShouldContain(c => c.Contains("TASK-4 names DEMO-2, which mappings.json already pairs with another task"));
    }
}
