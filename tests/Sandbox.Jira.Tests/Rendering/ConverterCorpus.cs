namespace Sandbox.Jira.Tests.Rendering;

/// <summary>The documents both converters are compared on: what the product writes and what people type in Jira.</summary>
internal static class ConverterCorpus
{
    public static readonly IReadOnlyDictionary<string, string> Wiki = new Dictionary<string, string>
    {
        ["paragraph"] = "Just one plain sentence.",
        ["two paragraphs"] = "First paragraph.\n\nSecond paragraph.",
        ["newline in a paragraph"] = "first line\nsecond line",
        ["explicit line break"] = "first line\\\\second line",
        ["headings"] = "h1. Title\n\nh3. Acceptance Criteria\n\nText under it.",
        ["effects"] = "*bold* and _italic_ and -struck- and +under+ words",
        ["monospace"] = "Run {{npm test}} first.",
        ["link with text"] = "See [the docs|https://example.com/docs] now.",
        ["bare link"] = "See [https://example.com/x] now.",
        ["mention"] = "Ping [~accountid:5b10ac8d82e05b22cc7d4ef5] please.",
        ["nested bullets"] = "* one\n** one point one\n* two",
        ["numbered list"] = "# first\n# second",
        ["mixed list kinds"] = "* bullet\n# number",
        ["dash bullets"] = "- one\n- two",
        ["task convention"] = "* \\[x\\] done item\n* \\[ \\] open item",
        ["code with language"] = "{code:java}\nint x = 1;\n{code}",
        ["noformat"] = "{noformat}\nraw *text*\n{noformat}",
        ["quote macro"] = "{quote}\nquoted words\n{quote}",
        ["bq line"] = "bq. quoted line",
        ["info panel"] = "{info}\nHeads up.\n{info}",
        ["tip panel"] = "{tip}\nNice.\n{tip}",
        ["table"] = "||Name||Value||\n|a|1|\n|b|2|",
        ["escaped markup"] = "\\*not bold\\* and \\[not a link\\]",
        ["colour"] = "{color:#ff0000}red words{color}",
        ["rule"] = "above\n\n----\n\nbelow",
        ["unknown macro"] = "{status}DONE{status} stays text",
        ["effect inside a word"] = "snake_case_name and a-b-c",
        ["literal backslashes"] = "C:\\path and \\d+ digits",
    };

    public static readonly IReadOnlyDictionary<string, string> Markdown = new Dictionary<string, string>
    {
        ["paragraph"] = "Just one plain sentence.",
        ["marks"] = "**bold** *em* ~~strike~~ `code` [link](https://example.com)",
        ["lists"] = "- one\n  - nested\n- two\n\n1. first\n2. second",
        ["task list"] = "- [ ] open\n- [x] done",
        ["heading and code"] = "## Plan\n\n```bash\nmake test\n```",
        ["quote"] = "> quoted",
        ["markup characters as text"] = "a * b _ c [d] {e} | f ! g - h + i",
        ["backslash"] = "C:\\path\\to\\file",
        ["regular expression"] = "match \\d+ then \\s",
        ["line start syntax as text"] = "\\# not a heading",
        ["rule"] = "above\n\n---\n\nbelow",
        ["mention"] = "hi @[Ann Lee](accountid:5b10ac8d82e05b22cc7d4ef5)",
    };
}
