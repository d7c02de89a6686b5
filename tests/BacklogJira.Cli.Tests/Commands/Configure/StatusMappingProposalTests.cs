using BacklogJira.Cli.Commands.Configure;
using BacklogJira.Core.Ports;

namespace BacklogJira.Cli.Tests.Commands.Configure;

public class StatusMappingProposalTests
{
    [Fact]
    public void Same_names_come_first_and_categories_fill_the_rest()
    {
        JiraStatus[] jira = [new("1", "Open", "new"), new("2", "To Do", "new"), new("3", "In Progress", "indeterminate"), new("4", "In Review", "indeterminate"), new("5", "Done", "done"), new("6", "Closed", "done")];
        var proposal = StatusMappingProposal.Propose(["To Do", "In Progress", "Done"], jira);
        proposal["To Do"].ShouldBe(["To Do", "Open"]);
        proposal["In Progress"].ShouldBe(["In Progress", "In Review"], "every status of the workflow gets a place (issue 14, case 5)");
        proposal["Done"].ShouldBe(["Done", "Closed"]);
        proposal.Values.SelectMany(v => v).Order().ShouldBe(jira.Select(s => s.Name).Order());
    }

    [Fact]
    public void A_data_center_workflow_without_matching_names_maps_by_category()
    {
        JiraStatus[] jira = [new("1", "Open", "new"), new("3", "Working", "indeterminate"), new("5", "Resolved", "done"), new("6", "Closed", "done")];
        var proposal = StatusMappingProposal.Propose(["Backlog", "Doing", "Review", "Shipped"], jira);
        proposal["Backlog"].ShouldBe(["Open"]);
        proposal["Doing"].ShouldBe(["Working"]);
        proposal["Review"].ShouldBe(["Working"]);
        proposal["Shipped"].ShouldBe(["Resolved", "Closed"]);
    }

    [Fact]
    public void The_dotenv_keeps_other_lines_and_replaces_ours()
    {
        var answers = new ConfigureAnswers { BaseUrl = new Uri("https://acme.atlassian.net/"), Email = "me@acme.com", ApiToken = "tok", ProjectKey = "P", IssueType = "Task" };
        var text = ConfigureWriter.DotEnvText("DATABASE_URL=postgres://x\nJIRA_URL=https://old.example\nexport JIRA_API_TOKEN=old\n# note\n", answers);
        text.ShouldBe("DATABASE_URL=postgres://x\n# note\n\n# Jira (backlog-jira configure)\nJIRA_URL=https://acme.atlassian.net\nJIRA_EMAIL=me@acme.com\nJIRA_API_TOKEN=tok\n");
    }
}
