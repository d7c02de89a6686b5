using BacklogJira.Core.Mapping;
using BacklogJira.Jira.Mcp;
using Sandbox.Jira.Mcp.Text;

namespace BacklogJira.Jira.Tests.Mcp;

/// <summary>
/// The stand-in's model of mcp-atlassian 0.23.1's text conversion (src/Sandbox.Jira.Mcp/Text), its losses one by one,
/// and the transport's answers to them (McpTextDialect, McpDescriptionEchoes; docs/mcp-transport.md, "Text conversion").
/// </summary>
public class McpTextConversionTests
{
    private static string ThroughServer(string markdown) => WikiToMarkdown.Convert(MarkdownToWiki.Convert(markdown), "https://jira.example/");

    [Theory]
    // Its reader drops the brackets of [text] not followed by "(": check boxes are gone.
    [InlineData("- [x] done\n- [ ] open", "- x done\n-   open")]
    // Its list rule takes the blank line before a list as indentation: the blank line is gone.
    [InlineData("Intro\n\n- one", "Intro\n- one")]
    // Its setext-heading rule turns a rule after a blank line into an empty level-2 heading.
    [InlineData("Above\n\n---\n\nBelow", "Above\n## \n\nBelow")]
    // Two plus signs become <ins>, and any tag sends the whole text through markdownify: blank lines collapse, * and _ are escaped.
    [InlineData("C++ and C++\n\nuse **bold** and snake_case", "C and C\nuse \\*\\*bold\\*\\* and snake\\\\_case")]
    // Mentions become "User:<id>".
    [InlineData("Hi [~accountid:5b10ac8d82e05b22cc7d4ef5]", "Hi User:5b10ac8d82e05b22cc7d4ef5")]
    public void The_server_model_loses_what_mcp_atlassian_loses(string markdown, string read)
    {
        var sent = markdown.StartsWith("Hi [~", StringComparison.Ordinal) ? WikiToMarkdown.Convert(markdown, "https://jira.example/") : ThroughServer(markdown);
        sent.ShouldBe(read);
    }

    [Fact]
    public void Ballot_boxes_survive_the_server_both_ways_and_come_back_as_task_items()
    {
        var description = ManagedDescription.Compose(new DescriptionParts("Body", [new("Works", true), new("Fast", false)], "", "")
        {
            DefinitionOfDone = [new("Tests pass", false)],
        });
        var sent = McpTextDialect.Outgoing(description);
        sent.ShouldNotContain("[x]");
        sent.ShouldNotContain("---");
        var parts = ManagedDescription.Parse(McpTextDialect.Incoming(ThroughServer(sent)));
        parts.AcceptanceCriteria.ShouldBe([new("Works", true), new("Fast", false)]);
        parts.DefinitionOfDone.ShouldBe([new("Tests pass", false)]);
        parts.Description.ShouldBe("Body");
    }

    [Fact]
    public void Code_blocks_are_not_touched_by_the_dialect()
    {
        const string text = "```\n- [x] literal\n```\n- [ ] item";
        McpTextDialect.Outgoing(text).ShouldBe("```\n- [x] literal\n```\n- ☐ item");
    }

    [Fact]
    public async Task A_read_that_matches_the_echo_is_what_was_written_and_changed_sections_come_as_read()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"echoes-{Guid.NewGuid():N}");
        try
        {
            const string written = "Intro\n\n- one\n\n---\n\n### Implementation Plan (managed by backlog-jira)\n\n1. Step\n2. Step";
            var echo = McpTextDialect.Incoming(ThroughServer(McpTextDialect.Outgoing(written)));
            echo.ShouldNotBe(written);
            await new McpDescriptionEchoes(folder).RememberAsync("10001", written, echo, CancellationToken.None);
            File.Exists(Path.Combine(folder, "10001.json")).ShouldBeTrue();

            // A new process reads the file.
            var echoes = new McpDescriptionEchoes(folder);
            echoes.Restore("10001", echo).ShouldBe(written);
            echoes.Restore("10002", echo).ShouldBe(echo);
            var edited = echo.Replace("Intro", "Intro changed in Jira", StringComparison.Ordinal);
            var restored = echoes.Restore("10001", edited);
            restored.ShouldStartWith("Intro changed in Jira");
            restored.ShouldEndWith("### Implementation Plan (managed by backlog-jira)\n\n1. Step\n2. Step");

            // A description cleared by the sync has no echo any more.
            await echoes.RememberAsync("10001", "", "", CancellationToken.None);
            File.Exists(Path.Combine(folder, "10001.json")).ShouldBeFalse();
            new McpDescriptionEchoes(folder).Restore("10001", echo).ShouldBe(echo);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_echo_file_is_no_echo()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"echoes-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "1.json"), "{not json");
        try
        {
            new McpDescriptionEchoes(folder).Restore("1", "text").ShouldBe("text");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_stand_in_models_the_release_the_product_pins() =>
        Sandbox.Jira.Mcp.ToolCatalog.PinnedVersion.ShouldBe(McpServerLaunch.PinnedVersion);
}
