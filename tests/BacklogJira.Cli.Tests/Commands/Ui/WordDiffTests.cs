using static BacklogJira.Web.Rendering.WordDiff;

namespace BacklogJira.Cli.Tests.Commands.Ui;

/// <summary>The pair page's word differences: words kept, deleted and inserted, white space kept, markup encoded.</summary>
public class WordDiffTests
{
    [Fact]
    public void Marks_the_words_each_side_has_alone_and_keeps_the_rest()
    {
        Compare("Write the parser", "Write the fast parser").ShouldBe([new Part(Kind.Same, "Write the "), new Part(Kind.Inserted, "fast "), new Part(Kind.Same, "parser")]);
        Compare("one two\nthree", "one\nthree").ShouldBe([new Part(Kind.Same, "one"), new Part(Kind.Deleted, " two"), new Part(Kind.Same, "\nthree")]);
        Compare("", "new").ShouldBe([new Part(Kind.Inserted, "new")]);
    }

    [Fact]
    public void Both_texts_can_be_read_back_from_the_parts_and_the_html_is_encoded()
    {
        var from = "a <b> & c\n\nd e f";
        var to = "a <i> & c\nd f g";
        var parts = Compare(from, to);
        string.Concat(parts.Where(p => p.Kind != Kind.Inserted).Select(p => p.Text)).ShouldBe(from);
        string.Concat(parts.Where(p => p.Kind != Kind.Deleted).Select(p => p.Text)).ShouldBe(to);
        var html = ToHtml(parts);
        html.ShouldNotContain("<b>");
        html.ShouldNotContain("<i>");
        html.ShouldContain("&lt;b&gt;");
    }

    [Fact]
    public void Texts_too_long_for_the_table_are_one_replacement()
    {
        var from = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i}"));
        var to = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"v{i}"));
        Compare(from, to).ShouldBe([new Part(Kind.Deleted, from), new Part(Kind.Inserted, to)]);
    }
}
