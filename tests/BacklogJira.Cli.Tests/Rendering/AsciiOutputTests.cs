using System.Text;
using BacklogJira.Cli.Rendering;

namespace BacklogJira.Cli.Tests.Rendering;

public class AsciiOutputTests
{
    [Fact]
    public void Our_symbols_become_ascii_and_task_text_is_left_alone()
    {
        AsciiText.Transliterate("✓ TASK-1 ⇄ DEMO-1: \"a\" → \"b\" … ≠").ShouldBe("ok TASK-1 <-> DEMO-1: \"a\" -> \"b\" ... !=");
        AsciiText.Transliterate("Café 日本").ShouldBe("Café 日本");
    }

    [Theory]
    [InlineData("1", 65001, true)]
    [InlineData(null, 65001, false)]
    [InlineData(null, 437, true)]
    [InlineData(null, null, false)]
    public void Ascii_is_used_when_forced_or_when_the_terminal_is_not_utf8(string? force, int? codePage, bool expected)
    {
        var encoding = codePage switch { 65001 => Encoding.UTF8, null => null, _ => new FakeEncoding(codePage.Value) };
        AsciiText.Wanted(force, encoding).ShouldBe(expected);
    }

    [Fact]
    public async Task Force_ascii_gives_pure_ascii_output_for_a_whole_command()
    {
        await using var cli = await CliRun.StartAsync();
        await cli.RunAsync("init", "--project-key", "DEMO");
        var env = (System.Collections.Hashtable)cli.Environment;
        env["FORCE_ASCII"] = "1";
        cli.EnvironmentOverride = env;
        var result = await cli.RunAsync("doctor");
        result.Stdout.ShouldContain("ok Jira reachable");
        result.Stdout.All(c => c < 128).ShouldBeTrue(result.Stdout);
    }

    private sealed class FakeEncoding(int codePage) : Encoding
    {
        public override int CodePage => codePage;
        public override int GetByteCount(char[] chars, int index, int count) => count;
        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => charCount;
        public override int GetCharCount(byte[] bytes, int index, int count) => count;
        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) => byteCount;
        public override int GetMaxByteCount(int charCount) => charCount;
        public override int GetMaxCharCount(int byteCount) => byteCount;
    }
}
