using System.Net.Http.Headers;
using System.Text.Json;
using BacklogMcp.Core.Api;
using BacklogMcp.Core.Errors;
using BacklogMcp.Core.Formatting;
using BacklogMcp.Core.Tools;

namespace BacklogMcp.Core.Tests;

public sealed class FormattingAndArgumentTests
{
    [Theory]
    [InlineData("2024-09-16T15:30:00Z", "UTC", "16 Sept 2024, 15:30 UTC")]
    [InlineData("2026-01-05T20:00:00Z", "Asia/Tokyo", "6 Jan 2026, 05:00 UTC+09:00")]
    [InlineData("2026-07-01T12:00:00Z", "America/New_York", "1 Jul 2026, 08:00 UTC-04:00")]
    [InlineData(null, "UTC", "—")]
    [InlineData("not a date", "UTC", "Invalid Date")]
    public void Dates_render_like_the_reference_in_the_given_zone(string? iso, string zone, string expected) =>
        NulabFormat.Date(iso, TimeZoneInfo.FindSystemTimeZoneById(zone)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-01-30T00:00:00Z", "30 Jan 2026")]
    [InlineData("2026-09-01", "1 Sept 2026")]
    [InlineData(null, "—")]
    [InlineData("soon", "soon")]
    public void Calendar_dates_render_as_the_day_whatever_the_zone(string? iso, string expected) => NulabFormat.Day(iso).ShouldBe(expected);

    [Theory]
    [InlineData(1023, "1023 B")]
    [InlineData(2048, "2.0 KB")]
    [InlineData(11534336, "11.0 MB")]
    public void Sizes_use_a_1024_base(long bytes, string expected) => NulabFormat.Size(bytes).ShouldBe(expected);

    [Fact]
    public void Hours_roles_and_folding()
    {
        NulabFormat.Hours(1.5m).ShouldBe("1.5h");
        NulabFormat.Hours(8m).ShouldBe("8h");
        NulabFormat.Role(6).ShouldBe("Guest Viewer");
        NulabFormat.Role(9).ShouldBe("Role(9)");
        TextFolding.Fold("Nguyễn Đức MÜLLER").ShouldBe("nguyen duc muller");
        NameMatch.Same("In Progress", "inprogress").ShouldBeTrue();
        NameMatch.Same("処理中", "処理中").ShouldBeTrue();
    }

    private static ToolArgs Args(string json) => new(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json));

    [Fact]
    public void Ids_come_as_arrays_or_csv_names_are_kept_for_lookup_and_nothing_is_dropped()
    {
        var (ids, names) = Args("""{"x":"1, abc,,2"}""").IdsOrNames("x");
        ids.ShouldBe([1, 2]);
        names.ShouldBe(["abc"]);
        Args("""{"x":[3,"4"]}""").IdsOrNames("x").Ids.ShouldBe([3, 4]);
        Args("""{"x":5}""").IdsOrNames("x").Ids.ShouldBe([5]);
        Args("""{}""").IdsOrNames("x").Ids.ShouldBeEmpty();
        Should.Throw<BacklogMcpException>(() => Args("""{"x":"1,-3"}""").IdsOrNames("x")).Message.ShouldContain("x ids must be positive, got -3");
        Should.Throw<BacklogMcpException>(() => Args("""{"x":{"a":1}}""").IdsOrNames("x")).Message.ShouldContain("x must be an array or a comma-separated string");
    }

    [Fact]
    public void Status_ids_and_names_mix_and_ranges_are_checked()
    {
        var (ids, names) = Args("""{"s":[101,"In Review"," 2 "]}""").IdsOrNames("s");
        ids.ShouldBe([101, 2]);
        names.ShouldBe(["In Review"]);
        Should.Throw<BacklogMcpException>(() => Args("""{"c":101}""").WholeNumber("c", 1, 100)).ToolText.ShouldBe("[INVALID_INPUT] Invalid input: c must be from 1 to 100, got 101.");
        Args("""{"c":"7"}""").WholeNumber("c", 1, 100).ShouldBe(7);
        Should.Throw<BacklogMcpException>(() => Args("""{"b":"yes"}""").Bool("b"));
        Should.Throw<BacklogMcpException>(() => Args("""{"extra":1}""").RejectUnknown("t", ["a"])).Message.ShouldContain("t does not take 'extra'; its arguments are a.");
    }

    [Theory]
    [InlineData("attachment;filename*=UTF-8''%E5%A0%B1%E5%91%8A.md", "報告.md")]
    [InlineData("attachment;filename=\"plain.txt\"", "plain.txt")]
    [InlineData("attachment;filename*=UTF-8''..%2F..%2Fx.txt", "../../x.txt")]
    [InlineData("attachment;filename=\"bad%ZZname\"", "bad%ZZname")]
    public void Content_disposition_names_are_decoded_without_failing(string header, string expected) =>
        ContentDispositionName.Parse(ContentDispositionHeaderValue.Parse(header)).ShouldBe(expected);

    [Fact]
    public void Backlog_error_bodies_are_read_and_explained()
    {
        HttpErrorText.ParseBody("""{"errors":[{"message":"No project.","code":6,"moreInfo":""}]}""").ShouldBe((6, "No project."));
        HttpErrorText.ParseBody("<html>502</html>").ShouldBe((null, null));
        HttpErrorText.Describe(502, "GET", "https://s/api/v2/issues", null, null, "text/html; charset=utf-8")
            .ShouldBe("Backlog HTTP 502 from GET https://s/api/v2/issues (the answer was text/html, not Backlog's JSON: a proxy or gateway answered). Backlog (or a proxy in front of it) failed; try again in a moment.");
        HttpErrorText.Describe(401, "GET", "https://s/api/v2/projects", 11, "Authentication failure.", "application/json").ShouldContain("Check BACKLOG_API_KEY");
    }

    [Fact]
    public void Query_puts_the_key_first_and_encodes_array_brackets()
    {
        var query = new NulabQuery().AddArray("projectId", [10, 12]).Add("keyword", "a b&c").Add("archived", (bool?)false);
        query.Encode("k/y").ShouldBe("apiKey=k%2Fy&projectId%5B%5D=10&projectId%5B%5D=12&keyword=a%20b%26c&archived=false");
    }
}
