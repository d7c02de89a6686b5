using BacklogJira.Core.Mapping;
using BacklogJira.Core.Model;
using BacklogJira.Core.Text;

namespace BacklogJira.Core.Tests.Mapping;

public class ManagedDescriptionTests
{
    private static readonly DescriptionParts Task = new(
        "Users sign in with **Okta**.\n\nFallback stays.",
        [new("Redirects to Okta", true), new("Use a_b_c and *stars* [x]", false), new("# not a heading", false)],
        "1. Register the app\n2. Add middleware",
        "Done by Bob")
    {
        DefinitionOfDone = [new("Tests pass", true), new("Docs *updated*", false)],
        FinalSummary = "Shipped behind a `flag`.",
    };

    /// <summary>What Jira gives back after storing our Markdown as ADF.</summary>
    private static string ThroughJira(string markdown) => AdfToMarkdown.Convert(MarkdownToAdf.Convert(markdown));

    [Fact]
    public void Parts_survive_the_trip_through_jira()
    {
        var back = ManagedDescription.Parse(ThroughJira(ManagedDescription.Compose(Task)));
        back.Description.ShouldBe(Task.Description);
        back.AcceptanceCriteria.ShouldBe(Task.AcceptanceCriteria);
        back.ImplementationPlan.ShouldBe(Task.ImplementationPlan);
        back.ImplementationNotes.ShouldBe(Task.ImplementationNotes);
        back.DefinitionOfDone.ShouldBe(Task.DefinitionOfDone);
        back.FinalSummary.ShouldBe(Task.FinalSummary);
        back.ShouldBe(Task);
    }

    [Fact]
    public void Parts_survive_the_trip_through_data_center_wiki()
    {
        var wiki = JiraText.MarkdownToWiki(ManagedDescription.Compose(Task), mentionsByAccountId: false);
        var back = ManagedDescription.Parse(JiraText.WikiToMarkdown(wiki));
        back.AcceptanceCriteria.ShouldBe(Task.AcceptanceCriteria);
        back.ImplementationPlan.ShouldBe(Task.ImplementationPlan);
        back.Description.ShouldBe(Task.Description);
        back.ShouldBe(Task);
    }

    [Fact]
    public void Repeated_cycles_never_grow_the_description()
    {
        var parts = Task;
        for (var cycle = 0; cycle < 5; cycle++) parts = ManagedDescription.Parse(ThroughJira(ManagedDescription.Compose(parts)));
        parts.ShouldBe(Task with { });
        ManagedDescription.Compose(parts).Length.ShouldBe(ManagedDescription.Compose(Task).Length);
    }

    [Fact]
    public void A_task_without_criteria_plan_or_notes_sends_only_its_description()
    {
        ManagedDescription.Compose(new DescriptionParts("Just text.", [], "", "")).ShouldBe("Just text.");
        ManagedDescription.Parse("Just text.").ShouldBe(new DescriptionParts("Just text.", [], "", ""));
    }

    [Fact]
    public void Sections_are_found_even_when_the_description_is_empty()
    {
        var composed = ManagedDescription.Compose(new DescriptionParts("", [new("Only item", false)], "", ""));
        composed.ShouldStartWith("---");
        ManagedDescription.Parse(ThroughJira(composed)).ShouldBe(new DescriptionParts("", [new("Only item", false)], "", ""));
    }

    [Fact]
    public void The_original_plugins_block_is_still_read()
    {
        const string legacy = "Fix the login.\n\nAcceptance Criteria:\n- [ ] First criterion\n- [x] Second criterion\n\nImplementation Plan:\nStep one\nStep two\n\nImplementation Notes:\nAll good";
        var parts = ManagedDescription.Parse(legacy);
        parts.Description.ShouldBe("Fix the login.");
        parts.AcceptanceCriteria.ShouldBe([new CriterionItem("First criterion", false), new CriterionItem("Second criterion", true)]);
        parts.ImplementationPlan.ShouldBe("Step one\nStep two");
        parts.ImplementationNotes.ShouldBe("All good");
    }

    [Fact]
    public void A_user_heading_that_only_looks_similar_stays_in_the_description()
    {
        var parts = ManagedDescription.Parse("Intro\n\n### Acceptance Criteria\n\n- [ ] written by a person");
        parts.Description.ShouldContain("### Acceptance Criteria");
        parts.AcceptanceCriteria.ShouldBeEmpty();
    }

    [Fact]
    public void A_checklist_section_whose_boxes_were_lost_is_not_represented_rather_than_empty()
    {
        // What mcp-atlassian's reader makes of "- [x] Works" and "- [ ] Fast": the boxes are gone.
        var sections = ManagedDescription.ParseSections("Body\n\n" + ManagedDescription.CriteriaHeading + "\n\n- x Works\n-   Fast\n\n" + ManagedDescription.DefinitionOfDoneHeading + "\n\n- [x] Tests pass");
        sections.HasCriteria.ShouldBeFalse();
        sections.HasDefinitionOfDone.ShouldBeTrue();
        sections.Parts.DefinitionOfDone.ShouldBe([new CriterionItem("Tests pass", true)]);
    }

    [Fact]
    public void Ballot_boxes_read_as_check_boxes()
    {
        var parts = ManagedDescription.Parse(ManagedDescription.CriteriaHeading + "\n\n- ☑ Works\n- ☐ Fast");
        parts.AcceptanceCriteria.ShouldBe([new CriterionItem("Works", true), new CriterionItem("Fast", false)]);
    }
}
