using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace BacklogJira.Cli.Tests.Commands.Robustness;

/// <summary>
/// The fault suite's fuzz part for configuration (issue 15; task files are in TaskFileFuzzTests): mutated
/// <c>.backlog-jira/config.json</c>, <c>mappings.json</c> and <c>backlog/config.yml</c> (truncation, junk, NUL, bad
/// UTF-8, wrong types, deep nesting, huge values) never crash <c>status</c>: every run ends with a meaningful exit code
/// and no "unexpected error", and no mutated file is rewritten. BJ_FUZZ_CONFIGS sets the size (CI: 300).
/// </summary>
public class ConfigFuzzTests(ITestOutputHelper output)
{
    private static readonly Func<Random, string, string>[] Mutations =
    [
        (r, t) => t[..r.Next(t.Length)],
        (r, t) => Insert(r, t, "\0"),
        (r, t) => Insert(r, t, "\uFFFD"),
        (r, t) => Insert(r, t, new string('[', 300)),
        (r, t) => Insert(r, t, "{"),
        (r, t) => Insert(r, t, "\t"),
        (r, t) => Insert(r, t, ","),
        (r, t) => Insert(r, t, ": : :"),
        (r, t) => Insert(r, t, "\"" + new string('x', 1024 * 1024) + "\""),
        (r, t) => t.Replace("\"", "", StringComparison.Ordinal),
        (r, t) => t.Replace("[", "{", StringComparison.Ordinal),
        (r, t) => Replace(r, t, "\"[^\"]*\"", "12"),
        (r, t) => Replace(r, t, "\"[^\"]*\"", "null"),
        (r, t) => Replace(r, t, "\"[^\"]*\"", "[]"),
        (r, t) => Replace(r, t, "\"[^\"]*\"", "{\"a\": 1}"),
        (r, t) => Replace(r, t, "\\[[^\\]]*\\]", "\"scalar\""),
        (r, t) => new string(t.Where((_, i) => i % r.Next(2, 9) != 0).ToArray()),
        (r, t) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(t)),
    ];

    private static string Insert(Random random, string text, string piece)
    {
        var at = random.Next(text.Length + 1);
        return text[..at] + piece + text[at..];
    }

    private static string Replace(Random random, string text, string pattern, string with)
    {
        var matches = System.Text.RegularExpressions.Regex.Matches(text, pattern);
        if (matches.Count == 0) return text;
        var match = matches[random.Next(matches.Count)];
        return text[..match.Index] + with + text[(match.Index + match.Length)..];
    }

    [Fact]
    public async Task Mutated_configuration_never_crashes_a_command_and_is_never_rewritten()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("BJ_FUZZ_CONFIGS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;
        await using var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "create", "First", "-a", "@ann")).EnsureSuccess("create");
        (await cli.RunAsync("create-issue", "1")).ExitCode.ShouldBe(0);
        // Custom-field rules too, so their reader and binding are fuzzed with the rest (docs/field-mapping.md).
        var configPath = Path.Combine(cli.Root, ".backlog-jira", "config.json");
        var withRules = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(configPath))!;
        withRules["customFields"] = System.Text.Json.Nodes.JsonNode.Parse("""
            [{"jira": "Story Points", "backlog": "label:sp:"},
             {"jira": "customfield_10022", "backlog": "label:risk:", "direction": "toJira", "values": {"high": "High", "low": "Low"}},
             {"jira": "QA Notes", "backlog": "section:QA Notes", "name": "qa", "projects": ["DEMO"]}]
            """);
        await File.WriteAllTextAsync(configPath, withRules.ToJsonString());
        (await cli.RunAsync("status")).ExitCode.ShouldBeLessThan(3);
        var files = new[] { Path.Combine(".backlog-jira", "config.json"), Path.Combine(".backlog-jira", "mappings.json"), Path.Combine("backlog", "config.yml") }
            .Select(f => Path.Combine(cli.Root, f)).ToList();
        var originals = files.ToDictionary(f => f, File.ReadAllText);
        var random = new Random(20261129);
        var exits = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var file = files[random.Next(files.Count)];
            var mutated = Encoding.UTF8.GetBytes(Mutations[random.Next(Mutations.Length)](random, originals[file]));
            // One run in eight also gets bytes that are not UTF-8 at all.
            if (random.Next(8) == 0)
            {
                var at = random.Next(mutated.Length + 1);
                mutated = [.. mutated[..at], 0xC3, 0x28, 0xFF, 0xFE, .. mutated[at..]];
            }
            await File.WriteAllBytesAsync(file, mutated);
            var result = await cli.RunAsync("status", "--json");
            exits[result.ExitCode] = exits.GetValueOrDefault(result.ExitCode) + 1;
            if (result.ExitCode is < 0 or > 3 || result.Stderr.Contains("unexpected error", StringComparison.OrdinalIgnoreCase))
            {
                // Kept for whoever fixes it: the file that broke the run, and what the run said.
                var kept = Path.Combine(Path.GetTempPath(), $"config-fuzz-{i}-{Path.GetFileName(file)}");
                await File.WriteAllBytesAsync(kept, mutated);
                Assert.Fail($"{Path.GetFileName(file)} mutation {i} (kept as {kept}) ended with exit {result.ExitCode}: {result.Stderr}");
            }
            (await File.ReadAllBytesAsync(file)).SequenceEqual(mutated).ShouldBeTrue($"{Path.GetFileName(file)} was rewritten by a run that read it mutated");
            if (result.ExitCode == 3) System.Text.Json.Nodes.JsonNode.Parse(result.Stdout)!["kind"]!.GetValue<string>().ShouldBe("error");
            await File.WriteAllTextAsync(file, originals[file]);
        }
        output.WriteLine($"config fuzz: {count} runs; exit codes {string.Join(", ", exits.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}");
        exits.GetValueOrDefault(3).ShouldBeGreaterThan(0, "some mutations are refused as bad configuration");
    }
}
