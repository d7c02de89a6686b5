using System.Text.Json.Nodes;

namespace BacklogMcp.Core.Formatting;

/// <summary>
/// How many tokens an answer may cost an agent (BACKLOG_MAX_TOKENS, docs/backlog-mcp.md "Answer size"). Tokens are
/// estimated without a tokenizer, on the safe side: a quarter token per ASCII character (English text and JSON run at
/// about four characters a token) and one per other character (a CJK character is about one token). The Markdown and
/// the structured JSON are counted together, since a client may hand both to the model.
/// </summary>
public sealed record TokenBudget(int MaxTokens)
{
    public const int Default = 50_000;

    public static int Estimate(string text)
    {
        var ascii = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128) ascii++;
            else if (!char.IsLowSurrogate(c)) other++;
        }
        return (ascii + 3) / 4 + other;
    }

    public static int Cost(string text, JsonObject structured) => Estimate(text) + Estimate(structured.ToJsonString());

    public bool Fits(string text, JsonObject structured) => Cost(text, structured) <= MaxTokens;
}
