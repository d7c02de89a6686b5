using System.Collections;
using BacklogJira.Testing;
using BacklogMcp.Core.Configuration;

namespace BacklogMcp.Core.Tests;

public class SettingsLoaderTests
{
    [Fact]
    public void The_environment_wins_over_dotenv_in_the_working_directory()
    {
        using var dir = new TempDirectory("bmcp-config");
        File.WriteAllText(dir.Combine(".env"), "BACKLOG_BASE_URL=https://from-file.backlog.com\nexport BACKLOG_API_KEY='file-key'\nATTACHMENT_WORKSPACE=downloads\n");
        var settings = SettingsLoader.Load(dir.Path, new Hashtable { ["BACKLOG_BASE_URL"] = "https://space.backlog.jp/" });
        settings.BaseUrl.ShouldBe(new Uri("https://space.backlog.jp"));
        settings.ApiKey.ShouldBe("file-key");
        settings.DownloadRoot.ShouldBe(dir.Combine("downloads"));
        settings.WritesEnabled.ShouldBeFalse();
        settings.ToString().ShouldNotContain("file-key");
    }

    [Fact]
    public void Defaults_download_under_the_working_directory_and_reads_writes_flag()
    {
        using var dir = new TempDirectory("bmcp-config");
        var settings = SettingsLoader.Load(dir.Path, new Hashtable { ["BACKLOG_BASE_URL"] = "http://127.0.0.1:5000", ["BACKLOG_API_KEY"] = "k", ["BACKLOG_ENABLE_WRITES"] = "true" });
        settings.DownloadRoot.ShouldBe(dir.Combine(".backlog-mcp"));
        settings.WritesEnabled.ShouldBeTrue();
    }

    [Fact]
    public void The_dotenv_line_that_works_for_backlog_jira_works_here_inline_comment_and_all()
    {
        using var dir = new TempDirectory("bmcp-config");
        File.WriteAllText(dir.Combine(".env"), "BACKLOG_BASE_URL=http://127.0.0.1:5000\nBACKLOG_API_KEY=abc123 # from Personal Settings\nexport ATTACHMENT_WORKSPACE=\"out dir\"\n");
        var settings = SettingsLoader.Load(dir.Path, new Hashtable());
        settings.ApiKey.ShouldBe("abc123");
        settings.DownloadRoot.ShouldBe(dir.Combine("out dir"));
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("ON", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    public void The_writes_flag_takes_every_usual_spelling(string text, bool enabled)
    {
        using var dir = new TempDirectory("bmcp-config");
        SettingsLoader.Load(dir.Path, new Hashtable { ["BACKLOG_BASE_URL"] = "http://127.0.0.1:5000", ["BACKLOG_API_KEY"] = "k", ["BACKLOG_ENABLE_WRITES"] = text })
            .WritesEnabled.ShouldBe(enabled);
    }

    [Theory]
    [InlineData(null, null, "document,git,issue,notifications,project,space,wiki")]
    [InlineData("issue, project", null, "issue,project")]
    [InlineData("ALL", null, "document,git,issue,notifications,project,space,wiki")]
    [InlineData(null, "project", "project")]
    [InlineData("space", "project", "space")]
    public void Toolsets_come_from_backlog_toolsets_or_nulab_s_enable_toolsets(string? ours, string? nulabs, string expected)
    {
        using var dir = new TempDirectory("bmcp-config");
        var environment = new Hashtable { ["BACKLOG_BASE_URL"] = "http://127.0.0.1:5000", ["BACKLOG_API_KEY"] = "k" };
        if (ours is not null) environment["BACKLOG_TOOLSETS"] = ours;
        if (nulabs is not null) environment["ENABLE_TOOLSETS"] = nulabs;
        string.Join(",", SettingsLoader.Load(dir.Path, environment).Toolsets.Order(StringComparer.Ordinal)).ShouldBe(expected);
    }

    [Fact]
    public void The_answer_budget_is_read_and_a_bad_one_is_refused_with_an_example()
    {
        using var dir = new TempDirectory("bmcp-config");
        var environment = new Hashtable { ["BACKLOG_BASE_URL"] = "http://127.0.0.1:5000", ["BACKLOG_API_KEY"] = "k" };
        SettingsLoader.Load(dir.Path, environment).MaxTokens.ShouldBe(50_000);
        environment["BACKLOG_MAX_TOKENS"] = "20_000";
        SettingsLoader.Load(dir.Path, environment).MaxTokens.ShouldBe(20_000);
        environment["BACKLOG_MAX_TOKENS"] = "12";
        Should.Throw<BacklogMcpConfigurationException>(() => SettingsLoader.Load(dir.Path, environment))
            .Message.ShouldContain("BACKLOG_MAX_TOKENS '12' is not a number of tokens from 1000 to 1000000. Example: BACKLOG_MAX_TOKENS=20000");
        Formatting.TokenBudget.Estimate("abcdefgh").ShouldBe(2);
        Formatting.TokenBudget.Estimate("日本語").ShouldBe(3);
    }

    [Theory]
    [InlineData("wikis", "'wikis' is not a toolset")]
    [InlineData("issues", "'issues' is not a toolset")]
    public void A_toolset_not_offered_stops_the_start_with_what_is_offered(string text, string reason)
    {
        using var dir = new TempDirectory("bmcp-config");
        var error = Should.Throw<BacklogMcpConfigurationException>(() =>
            SettingsLoader.Load(dir.Path, new Hashtable { ["BACKLOG_BASE_URL"] = "http://127.0.0.1:5000", ["BACKLOG_API_KEY"] = "k", ["BACKLOG_TOOLSETS"] = text }));
        error.Message.ShouldContain($"BACKLOG_TOOLSETS: {reason}. Choose among space, project, issue, wiki, git, notifications, document (or all), e.g. BACKLOG_TOOLSETS=issue,project");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_the_variable_with_an_example()
    {
        using var dir = new TempDirectory("bmcp-config");
        var error = Should.Throw<BacklogMcpConfigurationException>(() =>
            SettingsLoader.Load(dir.Path, new Hashtable { ["BACKLOG_BASE_URL"] = "yourspace.backlog.com/projects", ["BACKLOG_ENABLE_WRITES"] = "maybe" }));
        error.Message.ShouldContain("BACKLOG_BASE_URL 'yourspace.backlog.com/projects' is not a space URL");
        error.Message.ShouldContain("e.g. BACKLOG_BASE_URL=https://yourspace.backlog.com");
        error.Message.ShouldContain("BACKLOG_API_KEY is not set");
        error.Message.ShouldContain("BACKLOG_ENABLE_WRITES 'maybe'");
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("5", 5)]
    public void The_request_timeout_defaults_to_30_seconds(string? value, int seconds)
    {
        using var dir = new TempDirectory("bmcp-config");
        var environment = new Hashtable { ["BACKLOG_BASE_URL"] = "http://127.0.0.1:5000", ["BACKLOG_API_KEY"] = "k" };
        if (value is not null) environment["BACKLOG_TIMEOUT_SECONDS"] = value;
        SettingsLoader.Load(dir.Path, environment).RequestTimeout.ShouldBe(TimeSpan.FromSeconds(seconds));
        environment["BACKLOG_TIMEOUT_SECONDS"] = "0";
        Should.Throw<BacklogMcpConfigurationException>(() => SettingsLoader.Load(dir.Path, environment)).Message.ShouldContain("BACKLOG_TIMEOUT_SECONDS '0' is not a number of seconds from 1 to 600");
    }

    [Theory]
    [InlineData("https://s.backlog.com/api/v2/issues?apiKey=abc123&count=5", "https://s.backlog.com/api/v2/issues?apiKey=***&count=5")]
    [InlineData("GET /api/v2/space?projectId[]=1&apiKey=abc123 failed", "GET /api/v2/space?projectId[]=1&apiKey=*** failed")]
    [InlineData("url%3FapiKey%3Dabc123", "url%3FapiKey%3D***")]
    public void Api_keys_in_urls_are_redacted(string text, string expected) => SecretRedaction.Redact(text).ShouldBe(expected);

    [Fact]
    public void A_known_key_is_redacted_anywhere() => SecretRedaction.Redact("key abc123 leaked", "abc123").ShouldBe("key *** leaked");
}
