using System.Text;

namespace BacklogMcp.Core.Formatting;

/// <summary>A pipe table whose cells cannot break it: pipes escaped, line breaks folded (issue text is free-form).</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private string? _alignment;

    public MarkdownTable Align(string alignmentRow)
    {
        _alignment = alignmentRow;
        return this;
    }

    public MarkdownTable Row(params string?[] cells)
    {
        _rows.Add([.. cells.Select(Cell)]);
        return this;
    }

    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        builder.Append(_alignment ?? "|" + string.Concat(headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in _rows) builder.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        return builder.ToString().TrimEnd('\n');
    }
}
