using BacklogJira.Core.Ports;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Rest;
using Sandbox.Jira;

namespace BacklogJira.Testing;

/// <summary>A Jira sandbox on a free port and REST clients pointed at it, for tests over real HTTP.</summary>
public sealed class SandboxJira : IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];

    private SandboxJira(JiraSandbox sandbox) => Sandbox = sandbox;

    public JiraSandbox Sandbox { get; }

    public static async Task<SandboxJira> StartAsync(SandboxOptions? options = null) =>
        new(await JiraSandbox.StartAsync(options ?? new SandboxOptions()));

    /// <summary>Settings that log in as the sandbox's user, with short backoffs so retry tests stay fast.</summary>
    public JiraConnectionSettings Settings(Func<JiraConnectionSettings, JiraConnectionSettings>? adjust = null)
    {
        var options = Sandbox.Options;
        var settings = new JiraConnectionSettings
        {
            BaseUrl = Sandbox.BaseUrl,
            User = options.Mode == SandboxMode.Cloud ? options.User : null,
            ApiToken = options.Mode == SandboxMode.Cloud ? options.Token : null,
            PersonalToken = options.Mode == SandboxMode.DataCenter ? options.Token : null,
            BackoffBase = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        return adjust is null ? settings : adjust(settings);
    }

    public JiraRestClient Client(Func<JiraConnectionSettings, JiraConnectionSettings>? adjust = null)
    {
        var client = new JiraRestClient(Settings(adjust));
        _clients.Add(client);
        return client;
    }

    /// <summary>Disposed with the sandbox (before it stops), like the REST clients.</summary>
    /// <summary>Raw HTTP to the sandbox with its credentials (Basic on Cloud, Bearer on Data Center), as an admin's script sends it.</summary>
    public HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = Sandbox.BaseUrl };
        http.DefaultRequestHeaders.Authorization = Sandbox.Options.Mode == SandboxMode.Cloud
            ? new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Sandbox.Options.User}:{Sandbox.Options.Token}")))
            : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Sandbox.Options.Token);
        return http;
    }

    public T Track<T>(T client) where T : IDisposable
    {
        _clients.Add(client);
        return client;
    }

    public JiraDeployment Deployment => Sandbox.Options.Mode == SandboxMode.Cloud ? JiraDeployment.Cloud : JiraDeployment.DataCenter;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
