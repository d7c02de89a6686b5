using System.CommandLine;

namespace BacklogJira.Cli.Tests;

/// <summary>The README's command table and every command's <c>--help</c> come from the same tree and cannot drift:
/// every command has an example in its help, and a README row that names it and each of its options.</summary>
public class HelpAndReadmeTests
{
    private static readonly string[] Universal = ["--help", "-h", "-?", "/h", "/?", "--version", "--transport", "--verbose", "-v"];

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var path = (prefix + " " + sub.Name).Trim();
            yield return (path, sub);
            foreach (var nested in Walk(sub, path)) yield return nested;
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BacklogJira.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static string Readme() => File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    private static Command Root() => CliApp.Build(new CliContext(Path.GetTempPath(), TextWriter.Null, TextWriter.Null, new System.Collections.Hashtable(), false, TextReader.Null));

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, command) in Walk(Root(), "")) if (command.Subcommands.Count == 0) data.Add(path);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_an_example_and_a_readme_row_naming_each_option(string path)
    {
        var command = Walk(Root(), "").Single(c => c.Path == path).Command;
        (command.Description ?? "").ShouldContain("Example: backlog-jira " + path, customMessage: $"'{path} --help' needs an example");
        var rows = Readme().Split('\n').Where(l => l.StartsWith("| `" + path + " ", StringComparison.Ordinal) || l.StartsWith("| `" + path + "`", StringComparison.Ordinal)).ToList();
        rows.ShouldNotBeEmpty($"README.md has no command-table row for '{path}'");
        // A row may hand the full option list to a page it links (the sandbox's many fault options).
        var linked = rows.SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r, @"\]\((docs/[^)]+\.md)\)").Select(m => m.Groups[1].Value))
            .Select(doc => File.ReadAllText(Path.Combine(RepositoryRoot(), doc)));
        var text = string.Join('\n', rows.Concat(linked));
        foreach (var option in command.Options.Where(o => !o.Hidden && !Universal.Contains(o.Name)))
            text.ShouldContain(option.Name, customMessage: $"README row of '{path}' does not mention {option.Name}");
    }
}
