using System.Collections;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Testing;

namespace BacklogJira.Jira.Tests.Configuration;

public class JiraSettingsLoaderTests
{
    [Fact]
    public void Environment_wins_over_env_local_which_wins_over_env()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, ".env"), "JIRA_URL=https://from-env.atlassian.net\nJIRA_EMAIL=env@x.com\nJIRA_API_TOKEN=\"env token\"\n");
        File.WriteAllText(Path.Combine(dir.Path, ".env.local"), "export JIRA_EMAIL=local@x.com # comment\n");
        var settings = JiraSettingsLoader.Load(dir.Path, new Hashtable { ["JIRA_URL"] = "https://real.atlassian.net/" });
        settings.BaseUrl.ShouldBe(new Uri("https://real.atlassian.net"));
        settings.User.ShouldBe("local@x.com");
        settings.ApiToken.ShouldBe("env token");
    }

    [Fact]
    public void Personal_token_wins_when_both_are_set()
    {
        var settings = JiraSettingsLoader.Load(null, new Hashtable
        {
            ["JIRA_URL"] = "https://jira.corp",
            ["JIRA_USERNAME"] = "jdoe",
            ["JIRA_API_TOKEN"] = "api",
            ["JIRA_PERSONAL_TOKEN"] = "pat",
        });
        settings.PersonalToken.ShouldBe("pat");
        settings.ApiToken.ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "a@b.c", "t", "JIRA_URL is not set")]
    [InlineData("not a url", "a@b.c", "t", "is not an http(s) URL")]
    [InlineData("https://x.atlassian.net", "a@b.c", null, "No Jira credentials")]
    [InlineData("https://x.atlassian.net", null, "t", "JIRA_EMAIL is not")]
    public void Missing_or_bad_values_say_which_variable_to_set(string? url, string? email, string? token, string expected)
    {
        var environment = new Hashtable();
        if (url is not null) environment["JIRA_URL"] = url;
        if (email is not null) environment["JIRA_EMAIL"] = email;
        if (token is not null) environment["JIRA_API_TOKEN"] = token;
        Should.Throw<JiraConfigurationException>(() => JiraSettingsLoader.Load(null, environment)).Message.ShouldContain(expected);
    }

    [Fact]
    public void Settings_never_print_a_secret()
    {
        var settings = JiraSettingsLoader.Load(null, new Hashtable { ["JIRA_URL"] = "https://x.atlassian.net", ["JIRA_EMAIL"] = "a@b.c", ["JIRA_API_TOKEN"] = "s3cr3t" });
        settings.ToString().ShouldNotContain("s3cr3t");
        settings.ToString().ShouldContain("a@b.c");
    }
}
