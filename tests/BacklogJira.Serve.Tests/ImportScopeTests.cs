using BacklogJira.Sync.Engine;

namespace BacklogJira.Serve.Tests;

public class ImportScopeTests
{
    [Theory]
    [InlineData("""project = "DEMO" ORDER BY created ASC""", """(project = "DEMO") AND key in ("DEMO-7") ORDER BY created ASC""")]
    [InlineData("""project = DEMO AND type = Bug""", """(project = DEMO AND type = Bug) AND key in ("DEMO-7")""")]
    [InlineData("""summary ~ "order by x" """, """(summary ~ "order by x") AND key in ("DEMO-7")""")]
    [InlineData("""project = A OR project = B order by rank""", """(project = A OR project = B) AND key in ("DEMO-7") order by rank""")]
    [InlineData("ORDER BY created", """key in ("DEMO-7") ORDER BY created""")]
    public void The_scope_is_kept_and_narrowed_to_the_named_issues(string scope, string expected) =>
        ImportScope.WithKeys(scope, ["DEMO-7"]).ShouldBe(expected);
}
