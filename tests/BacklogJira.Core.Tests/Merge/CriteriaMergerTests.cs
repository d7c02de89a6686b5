using System.Collections.Immutable;
using BacklogJira.Core.Merge;
using BacklogJira.Core.Model;

namespace BacklogJira.Core.Tests.Merge;

public class CriteriaMergerTests
{
    private static ImmutableArray<CriterionItem> List(string spec) =>
        [.. spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => new CriterionItem(s.TrimStart('+'), s.StartsWith('+')))];

    private static string Text(ImmutableArray<CriterionItem>? items) =>
        items is null ? "conflict" : string.Join(",", items.Value.Select(i => (i.Checked ? "+" : "") + i.Text));

    [Theory]
    [InlineData("a,b", "+a,b", "a,b,c", "+a,b,c")]          // check on one side, add on the other
    [InlineData("a,b,c", "a,c", "a,+b,c", "conflict")]       // removed on one side, checked on the other
    [InlineData("a,b,c", "a,c", "a,b,c", "a,c")]             // removed on one side only
    [InlineData("a,b", "a,b,x", "a,b,x", "a,b,x")]           // both added the same item
    [InlineData("a,b", "a,x,b", "a,b,y", "a,x,b,y")]         // each adds in its own place
    [InlineData("a", "y,a", "x,a", "x,y,a")]                 // both prepend
    [InlineData("a,b", "+a,b", "+a,+b", "+a,+b")]            // both check, different items
    [InlineData("a,a", "a,a", "a", "conflict")]              // repeated texts cannot be matched safely
    public void Merges_item_by_item(string baseValue, string backlogValue, string jiraValue, string expected) =>
        Text(CriteriaMerger.Merge(List(baseValue), List(backlogValue), List(jiraValue))).ShouldBe(expected);
}
