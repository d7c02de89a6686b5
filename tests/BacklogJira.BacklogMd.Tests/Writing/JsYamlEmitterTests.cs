using BacklogJira.BacklogMd.Writing;

namespace BacklogJira.BacklogMd.Tests.Writing;

/// <summary>The js-yaml 3.14 scalar styles of docs/reference/backlog-md.md §2.5, each example as the CLI wrote it.</summary>
public sealed class JsYamlEmitterTests
{
    [Theory]
    [InlineData("Hello: World's \"quoted\" [x] #tag", "'Hello: World''s \"quoted\" [x] #tag'")]
    [InlineData("yes", "'yes'")]
    [InlineData("123", "'123'")]
    [InlineData("a#hash", "a#hash")]
    [InlineData("a #hash", "'a #hash'")]
    [InlineData("it's", "it's")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    [InlineData("https://ex.com", "'https://ex.com'")]
    [InlineData("@alice", "'@alice'")]
    [InlineData("2026-11-21 22:36", "'2026-11-21 22:36'")]
    [InlineData("2026-11-21", "'2026-11-21'")]
    [InlineData("2026-02-30", "'2026-02-30'")]
    [InlineData("2026-1-2", "2026-1-2")]
    [InlineData("<<", "'<<'")]
    [InlineData("1_000", "'1_000'")]
    [InlineData("Ünïcödé 日本語", "Ünïcödé 日本語")]
    [InlineData("emoji 🎉", "\"emoji \\U0001F389\"")]
    [InlineData("", "''")]
    [InlineData("null", "'null'")]
    [InlineData("0x1F", "'0x1F'")]
    [InlineData("1e3", "'1e3'")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("- starts with dash", "'- starts with dash'")]
    [InlineData("trailing ", "'trailing '")]
    public void Scalars_take_the_style_js_yaml_gives_them(string value, string expected) =>
        JsYamlEmitter.Scalar(value, level: 1).ShouldBe(expected);

    [Fact]
    public void A_title_over_78_columns_is_folded()
    {
        var title = "A very long title that keeps going and going well beyond the seventy-eight column limit of js-yaml folding rules";
        JsYamlEmitter.ScalarEntry("title", title).ShouldBe([
            "title: >-",
            "  A very long title that keeps going and going well beyond the seventy-eight",
            "  column limit of js-yaml folding rules",
        ]);
    }

    [Fact]
    public void A_multi_line_value_is_a_literal_block() =>
        JsYamlEmitter.ScalarEntry("title", "one\ntwo").ShouldBe(["title: |-", "  one", "  two"]);

    [Fact]
    public void Lists_are_block_sequences_or_empty_brackets()
    {
        JsYamlEmitter.ListEntry("labels", []).ShouldBe(["labels: []"]);
        JsYamlEmitter.ListEntry("assignee", ["@alice", "bob"]).ShouldBe(["assignee:", "  - '@alice'", "  - bob"]);
    }
}
