using BacklogJira.Core.Text;

namespace BacklogJira.Core.Tests.Text;

public class WikiRoundTripTests
{
    // The constructs the sync writes to Server/Data Center, which has wiki markup instead of ADF.
    public static TheoryData<string> MarkdownWithAWikiForm => new()
    {
        "Plain paragraph.",
        "First line\nsecond line",
        "# Heading",
        "### Third level",
        "Some **bold**, *italic*, ~~struck~~ and `code` text.",
        "A [link](https://example.com/a?b=c) here.",
        "Special characters: \\* \\_ \\[x\\] a-b c+d {braces} 2^3 \\~tilde !bang \\| pipe",
        "- one\n- two",
        "- parent\n  - child",
        "1. first\n2. second",
        "- [ ] open task\n- [x] done task",
        "- [ ] parent\n  - [x] child",
        "```java\nint x = 1;\n```",
        "```\nplain\n```",
        "---",
        "> quoted",
        "| A | B |\n| --- | --- |\n| 1 | 2 |",
        "Hi @[5b10ac8d82e05b22cc7d4ef5](accountid:5b10ac8d82e05b22cc7d4ef5).",
        "Line with trailing hyphen - and - dashes",
        // Backslashes are written as themselves: Jira (and its sandbox) read "\\\\" as a line break.
        "Path C:\\\\Users\\\\ann and the pattern \\\\d+ end\\\\",
    };

    [Theory]
    [MemberData(nameof(MarkdownWithAWikiForm))]
    public void Markdown_survives_markdown_to_wiki_to_markdown(string markdown)
    {
        var wiki = JiraText.MarkdownToWiki(markdown, mentionsByAccountId: true);
        JiraText.WikiToMarkdown(wiki).ShouldBe(markdown, wiki);
    }

    [Theory]
    [InlineData("h2. Plan", "## Plan")]
    [InlineData("*bold* and _em_ and -gone- and {{mono}}", "**bold** and *em* and ~~gone~~ and `mono`")]
    [InlineData("* a\n** b\n* c", "- a\n  - b\n- c")]
    [InlineData("# a\n# b", "1. a\n2. b")]
    [InlineData("{code:python}\nprint(1)\n{code}", "```python\nprint(1)\n```")]
    [InlineData("{noformat}\nraw *text*\n{noformat}", "```\nraw *text*\n```")]
    [InlineData("bq. wise words", "> wise words")]
    [InlineData("[Example|https://example.com]", "[Example](https://example.com)")]
    [InlineData("line one\\\\line two", "line one\nline two")]
    [InlineData("||H1||H2||\n|c1|c2|", "| H1 | H2 |\n| --- | --- |\n| c1 | c2 |")]
    [InlineData("* [x] done\n* [ ] open", "- [x] done\n- [ ] open")]
    [InlineData("* bullet\n# number", "- bullet\n\n1. number")]
    [InlineData("C:\\path and \\d+", "C:\\\\path and \\\\d+")]
    [InlineData("snake_case_name and 3-4 and a*b", "snake\\_case\\_name and 3-4 and a\\*b")]
    public void Wiki_written_by_people_reads_as_markdown(string wiki, string markdown) =>
        JiraText.WikiToMarkdown(wiki).ShouldBe(markdown);

    [Fact]
    public void Panels_and_colours_survive_wiki_to_markdown_to_wiki()
    {
        const string wiki = "{warning}\nCareful\n{warning}\n\n{color:#ff0000}red{color} and +under+";
        var markdown = JiraText.WikiToMarkdown(wiki);
        JiraText.MarkdownToWiki(markdown, mentionsByAccountId: false).ShouldBe(wiki);
    }

    [Fact]
    public void Data_center_mentions_use_the_user_name()
    {
        var markdown = JiraText.WikiToMarkdown("ping [~jdoe]");
        markdown.ShouldBe("ping @[jdoe](accountid:jdoe)");
        JiraText.MarkdownToWiki(markdown, mentionsByAccountId: false).ShouldBe("ping [~jdoe]");
    }
}
