using BacklogJira.Cli.Rendering;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Tests.Rendering;

public class ProgressLineTests
{
    [Fact]
    public void Draws_once_per_percent_and_erases_itself()
    {
        using var error = new StringWriter();
        using (var line = new ProgressLine(error))
        {
            for (var done = 1; done <= 200; done++) line.Report(new SyncProgress(done, 200));
        }
        var text = error.ToString();
        text.Split('\r').Count(part => part.Contains("tasks", StringComparison.Ordinal)).ShouldBe(101); // 0 % to 100 %
        text.ShouldContain("[##############################] 200/200 tasks");
        text.TrimEnd(' ').ShouldEndWith("\r");
    }

    [Fact]
    public void Short_runs_and_redirected_output_get_no_progress_line()
    {
        using var error = new StringWriter();
        using (var line = new ProgressLine(error)) line.Report(new SyncProgress(3, 10));
        error.ToString().ShouldBeEmpty();
        ProgressLine.For(new CliContext("/", TextWriter.Null, error, new System.Collections.Hashtable(), IsInteractive: false, TextReader.Null), json: false).ShouldBeNull();
    }
}
