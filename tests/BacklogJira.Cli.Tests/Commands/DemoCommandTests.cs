using System.Collections;

namespace BacklogJira.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_runs_a_real_sync_against_the_sandbox_and_ends_in_sync_with_no_writes()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(Path.GetTempPath(), stdout, stderr, new Hashtable(), IsInteractive: false, TextReader.Null);

        var exit = await CliApp.RunAsync(["demo", "--clean"], context);

        var text = stdout.ToString();
        exit.ShouldBe(0, text + stderr);
        text.ShouldContain("TASK-4     DEMO-4     conflict on title");
        text.ShouldContain("TASK-4     DEMO-4     pulled title");
        text.ShouldContain("Sync: 4 task(s), 4 in sync, 0 pushed, 0 pulled, 0 conflict(s), 0 failed.");
        text.ShouldContain("Jira requests that changed something: 0");
        var folder = text.Split('\n').Single(l => l.StartsWith("Demo project ", StringComparison.Ordinal)).Split(' ')[2];
        folder.ShouldStartWith(Path.GetTempPath());
        Directory.Exists(folder).ShouldBeFalse();
        text.ShouldNotContain("cat ", customMessage: "no hints into a folder that is gone");
    }
}
