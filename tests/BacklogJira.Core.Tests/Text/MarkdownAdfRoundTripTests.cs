using System.Text.Json.Nodes;
using BacklogJira.Core.Text;

namespace BacklogJira.Core.Tests.Text;

public class MarkdownAdfRoundTripTests
{
    // Every construct the sync writes, in the canonical dialect of docs/reference/jira.md §3.3.
    public static TheoryData<string> CanonicalMarkdown => new()
    {
        "Plain paragraph.",
        "First line\nsecond line of the same paragraph",
        "One paragraph.\n\nAnother paragraph.",
        "# Heading 1",
        "###### Heading 6",
        "Some **bold**, *italic*, ~~struck~~ and `code` text.",
        "**bold *and italic* inside**",
        "A [link](https://example.com/a?b=c) and [titled](https://x.y \"The title\").",
        "[**bold link**](https://example.com)",
        "Escapes: \\*not bold\\*, \\_under\\_, \\[brackets\\], a\\\\b, 1 \\< 2 \\& 3 \\| 4",
        "\\# not a heading",
        "\\- not a list",
        "1\\. not a list",
        "- one\n- two\n- three",
        "- parent\n  - child\n    - grandchild\n- sibling",
        "1. first\n2. second\n3. third",
        "3. starts at three\n4. four",
        "- [ ] open task\n- [x] done task",
        "- [ ] parent task\n  - [x] child task",
        "```csharp\nvar x = 1;\nvar y = 2;\n```",
        "```\nno language\n```",
        "````\ncode with ``` inside\n````",
        "---",
        "> quoted text\n> on two lines",
        "| Name | Value |\n| --- | --- |\n| a | 1 |\n| b | **2** |",
        "Hi @[Ann Lee](accountid:5b10ac8d82e05b22cc7d4ef5), please look.",
        "Use ``a`b`` here",
        "Emoji placeholder <!--adf:{\"type\":\"emoji\",\"attrs\":{\"shortName\":\":smile:\",\"id\":\"1f604\",\"text\":\"\\uD83D\\uDE04\"}}--> inline",
        "- item with code\n\n  ```\n  code\n  ```",
        "Ünïcödé, 日本語, emoji 🎉",
    };

    [Theory]
    [MemberData(nameof(CanonicalMarkdown))]
    public void Canonical_markdown_survives_markdown_to_adf_to_markdown(string markdown)
    {
        var adf = MarkdownToAdf.Convert(markdown);
        AdfToMarkdown.Convert(adf).ShouldBe(markdown);
    }

    [Theory]
    [MemberData(nameof(CanonicalMarkdown))]
    public void Adf_from_markdown_survives_adf_to_markdown_to_adf(string markdown)
    {
        var adf = MarkdownToAdf.Convert(markdown);
        var again = MarkdownToAdf.Convert(AdfToMarkdown.Convert(adf));
        AdfNormalizer.AreEquivalent(adf, again).ShouldBeTrue(again.ToJsonString());
    }

    [Fact]
    public void Checklist_becomes_an_adf_task_list_with_inline_items()
    {
        var adf = MarkdownToAdf.Convert("- [x] write tests\n- [ ] release");
        var list = Adf.ContentOf(adf).Single();
        Adf.TypeOf(list).ShouldBe("taskList");
        var items = Adf.ContentOf(list);
        items.Select(i => Adf.AttrString(i, "state")).ShouldBe(["DONE", "TODO"]);
        Adf.TypeOf(Adf.ContentOf(items[0])[0]).ShouldBe("text");
        Adf.TextOf(Adf.ContentOf(items[0])[0]).ShouldBe("write tests");
    }

    [Fact]
    public void Line_break_inside_a_paragraph_is_a_hard_break()
    {
        var adf = MarkdownToAdf.Convert("a\nb");
        Adf.ContentOf(Adf.ContentOf(adf)[0]).Select(Adf.TypeOf).ShouldBe(["text", "hardBreak", "text"]);
    }

    [Theory]
    [InlineData("""{"type":"panel","attrs":{"panelType":"warning"},"content":[{"type":"paragraph","content":[{"type":"text","text":"Careful"}]}]}""")]
    [InlineData("""{"type":"mediaSingle","attrs":{"layout":"center"},"content":[{"type":"media","attrs":{"id":"abc","type":"file","collection":"jira"}}]}""")]
    [InlineData("""{"type":"expand","attrs":{"title":"More"},"content":[{"type":"paragraph","content":[{"type":"text","text":"hidden"}]}]}""")]
    [InlineData("""{"type":"paragraph","content":[{"type":"status","attrs":{"text":"DONE","color":"green","localId":"x"}},{"type":"text","text":" on "},{"type":"date","attrs":{"timestamp":"1700000000000"}}]}""")]
    [InlineData("""{"type":"paragraph","content":[{"type":"inlineCard","attrs":{"url":"https://x.atlassian.net/browse/A-1"}}]}""")]
    [InlineData("""{"type":"paragraph","content":[{"type":"text","text":"underlined","marks":[{"type":"underline"}]},{"type":"text","text":" red","marks":[{"type":"textColor","attrs":{"color":"#ff0000"}}]}]}""")]
    [InlineData("""{"type":"paragraph","content":[{"type":"mention","attrs":{"id":"557058:abc","text":"@Ann","accessLevel":"CONTAINER"}}]}""")]
    [InlineData("""{"type":"table","attrs":{"isNumberColumnEnabled":false,"layout":"default"},"content":[{"type":"tableRow","content":[{"type":"tableCell","attrs":{"colspan":2},"content":[{"type":"paragraph","content":[{"type":"text","text":"wide"}]}]}]}]}""")]
    [InlineData("""{"type":"decisionList","attrs":{"localId":"d"},"content":[{"type":"decisionItem","attrs":{"localId":"i","state":"DECIDED"},"content":[{"type":"text","text":"We ship"}]}]}""")]
    public void Nodes_without_a_markdown_form_survive_a_round_trip(string blockJson)
    {
        var doc = Adf.Doc([JsonNode.Parse(blockJson)!]);
        var markdown = AdfToMarkdown.Convert(doc);
        var back = MarkdownToAdf.Convert(markdown);
        AdfNormalizer.AreEquivalent(doc, back).ShouldBeTrue($"{markdown}\n{back.ToJsonString()}");
        AdfToMarkdown.Convert(back).ShouldBe(markdown);
    }

    [Fact]
    public void Placeholder_json_cannot_end_the_html_comment_early()
    {
        var doc = Adf.Doc([Adf.Node("paragraph", [Adf.Node("status", attrs: new JsonObject { ["text"] = "a --> b <c>" })])]);
        var markdown = AdfToMarkdown.Convert(doc);
        markdown.ShouldNotContain("a -->");
        AdfNormalizer.AreEquivalent(doc, MarkdownToAdf.Convert(markdown)).ShouldBeTrue();
    }

    [Fact]
    public void Two_adjacent_bullet_lists_stay_two_lists()
    {
        var doc = Adf.Doc([
            Adf.Node("bulletList", [Adf.Node("listItem", [Adf.Node("paragraph", [Adf.Text("a")])])]),
            Adf.Node("bulletList", [Adf.Node("listItem", [Adf.Node("paragraph", [Adf.Text("b")])])]),
        ]);
        var back = MarkdownToAdf.Convert(AdfToMarkdown.Convert(doc));
        Adf.ContentOf(back).Count.ShouldBe(2);
    }

    [Fact]
    public void Jira_localIds_and_mark_order_do_not_make_documents_differ()
    {
        var stored = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"taskList","attrs":{"localId":"9f1"},"content":[{"type":"taskItem","attrs":{"localId":"a1","state":"TODO"},"content":[{"type":"text","text":"x","marks":[{"type":"em"},{"type":"strong"}]}]}]},{"type":"paragraph","content":[]}]}""");
        var ours = MarkdownToAdf.Convert("- [ ] ***x***");
        AdfNormalizer.AreEquivalent(stored, ours).ShouldBeTrue(ours.ToJsonString());
    }
}
