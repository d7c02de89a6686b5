using System.Net;
using System.Text.RegularExpressions;

namespace BacklogJira.Cli.Tests.Commands.Ui;

/// <summary>Issue 19, the web UI's security (docs/web-ui.md, "Security"), over real HTTP to a real <c>backlog-jira ui</c>
/// process: no page without the session token, no change without the form's anti-CSRF value or from another origin or
/// host name, and the Jira token in no answer.</summary>
public partial class UiSecurityTests
{
    private static HttpClient Client() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    private static async Task<(CliRun Cli, UiProcess Ui)> StartAsync()
    {
        var cli = await CliRun.StartAsync();
        (await cli.RunAsync("init", "--project-key", "DEMO")).ExitCode.ShouldBe(0);
        (await cli.BacklogAsync("task", "create", "Unpaired task")).EnsureSuccess("create");
        return (cli, await UiProcess.StartAsync(cli));
    }

    [Fact]
    public async Task Pages_need_the_session_token_which_becomes_a_strict_cookie()
    {
        var (cli, ui) = await StartAsync();
        await using var _ = cli;
        await using var __ = ui;
        using var http = Client();

        (await http.GetAsync(ui.Root)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await http.GetAsync(new Uri(ui.Root, "?token=not-the-token"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.GetAsync(new Uri(ui.Root, "assets/ui.js"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var opened = await http.GetAsync(ui.Address);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldNotContain("token", Case.Insensitive);
        var cookie = opened.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);

        var board = await GetAsync(http, ui, "/");
        board.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await board.Content.ReadAsStringAsync();
        html.ShouldContain("TASK-1");
        html.ShouldContain("Unpaired task");
        html.ShouldNotContain(cli.Jira.Sandbox.Options.Token);
        board.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        board.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
    }

    [Fact]
    public async Task A_change_without_the_csrf_value_from_another_origin_or_host_name_is_refused()
    {
        var (cli, ui) = await StartAsync();
        await using var _ = cli;
        await using var __ = ui;
        using var http = Client();
        var csrf = CsrfValue().Match(await (await GetAsync(http, ui, "/")).Content.ReadAsStringAsync()).Groups[1].Value;
        csrf.Length.ShouldBe(32);

        HttpRequestMessage Create(string? withCsrf, string? origin = null, string? host = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ui.Root, "task/TASK-1/create-issue"))
            {
                Content = new FormUrlEncodedContent(withCsrf is null ? [] : [new KeyValuePair<string, string>("csrf", withCsrf)]),
            };
            request.Headers.Add("Cookie", $"backlog_jira_ui={ui.Token}");
            if (origin is not null) request.Headers.Add("Origin", origin);
            if (host is not null) request.Headers.Host = host;
            return request;
        }

        (await http.SendAsync(Create(null))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.SendAsync(Create("0123456789abcdef0123456789abcdef"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.SendAsync(Create(csrf, origin: "http://evil.example"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await http.SendAsync(Create(csrf, host: $"evil.example:{ui.Root.Port}"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        cli.Jira.Sandbox.State.Read(d => d.Issues.Count).ShouldBe(0, "no refused request created an issue");

        var done = await http.SendAsync(Create(csrf, origin: $"http://127.0.0.1:{ui.Root.Port}"));
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cli.Jira.Sandbox.State.Read(d => d.Issues.Count).ShouldBe(1, "the UI's own form creates the issue");
        done.Headers.Location!.ToString().ShouldContain("Created%20DEMO-1");
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, UiProcess ui, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ui.Root, path.TrimStart('/')));
        request.Headers.Add("Cookie", $"backlog_jira_ui={ui.Token}");
        return http.SendAsync(request);
    }

    [GeneratedRegex("name=\"csrf\" value=\"([0-9a-f]+)\"")]
    private static partial Regex CsrfValue();
}
