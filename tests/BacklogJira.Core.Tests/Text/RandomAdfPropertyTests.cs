using System.Text.Json.Nodes;
using BacklogJira.Core.Text;

namespace BacklogJira.Core.Tests.Text;

/// <summary>Random documents made of the nodes Jira produces: whatever the mix, ADF → Markdown → ADF gives the
/// same document back, and the Markdown is a fixed point of the next round trip.</summary>
public class RandomAdfPropertyTests
{
    private static readonly string[] Words = ["alpha", "be*ta", "_g_", "[x]", "# h", "- d", "1. e", "a|b", "<tag>", "&amp;", "`q`", "  sp  ", "~s~", "\\", "ünï", "日本"];

    [Fact]
    public void Random_documents_survive_adf_to_markdown_to_adf()
    {
        var random = new Random(20261122);
        for (var run = 0; run < 500; run++)
        {
            var doc = Adf.Doc(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (JsonNode)Block(random, 0)));
            var markdown = AdfToMarkdown.Convert(doc);
            var back = MarkdownToAdf.Convert(markdown);
            AdfNormalizer.AreEquivalent(doc, back).ShouldBeTrue($"run {run}:\n{doc.ToJsonString()}\n---\n{markdown}\n---\n{back.ToJsonString()}");
            AdfToMarkdown.Convert(back).ShouldBe(markdown, $"run {run}");
        }
    }

    private static JsonObject Block(Random random, int depth) => random.Next(depth > 1 ? 4 : 9) switch
    {
        0 or 1 => Adf.Node("paragraph", Inlines(random)),
        2 => Adf.Node("heading", Inlines(random, breaks: false), new JsonObject { ["level"] = random.Next(1, 7) }),
        3 => Adf.Node("codeBlock", [Adf.Text(Word(random) + "\n" + Word(random))], new JsonObject { ["language"] = "js" }),
        4 => Adf.Node("bulletList", Items(random, depth)),
        5 => Adf.Node("orderedList", Items(random, depth)),
        6 => Adf.Node("taskList", Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode)Adf.Node("taskItem", Inlines(random),
            new JsonObject { ["localId"] = Guid.NewGuid().ToString(), ["state"] = random.Next(2) == 0 ? "TODO" : "DONE" }))),
        7 => Adf.Node("blockquote", [Adf.Node("paragraph", Inlines(random))]),
        _ => Adf.Node("rule"),
    };

    private static IEnumerable<JsonNode> Items(Random random, int depth) =>
        Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var content = new List<JsonNode> { Adf.Node("paragraph", Inlines(random)) };
            if (random.Next(3) == 0) content.Add(Block(random, depth + 1));
            return (JsonNode)Adf.Node("listItem", content);
        });

    private static List<JsonNode> Inlines(Random random, bool breaks = true)
    {
        var result = new List<JsonNode>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var kind = random.Next(10);
            if (kind == 0 && breaks && result.Count > 0) result.Add(Adf.Node("hardBreak"));
            else if (kind == 1) result.Add(Adf.Node("emoji", attrs: new JsonObject { ["shortName"] = ":smile:" }));
            else if (kind == 2) result.Add(Adf.Node("mention", attrs: new JsonObject { ["id"] = "5b10", ["text"] = "@Ann" }));
            else result.Add(Adf.Text(Word(random), Marks(random)));
        }
        return result;
    }

    private static List<JsonObject> Marks(Random random)
    {
        var marks = new List<JsonObject>();
        if (random.Next(4) == 0) marks.Add(Adf.Mark("strong"));
        if (random.Next(4) == 0) marks.Add(Adf.Mark("em"));
        if (random.Next(6) == 0) marks.Add(Adf.Mark("strike"));
        if (random.Next(6) == 0) marks.Add(Adf.Mark("link", new JsonObject { ["href"] = "https://example.com/" + random.Next(3) }));
        if (random.Next(8) == 0) marks.Add(Adf.Mark("underline"));
        if (marks.Count == 0 && random.Next(5) == 0) marks.Add(Adf.Mark("code"));
        return marks;
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)] + (random.Next(2) == 0 ? " " : "");
}
