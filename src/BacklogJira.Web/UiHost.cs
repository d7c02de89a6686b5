using System.Net;
using BacklogJira.Operations;
using BacklogJira.Web.Live;
using BacklogJira.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BacklogJira.Web;

/// <summary>
/// The UI's own web server: Kestrel on 127.0.0.1 only (never another address: the pages write to Jira and to task
/// files), every request through <see cref="UiGuard"/>. <see cref="Address"/> is what the user opens: it carries the
/// session token.
/// </summary>
public sealed class UiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ChangeFeed _feed;
    private readonly UiAddressFile _record;

    private UiHost(WebApplication app, ChangeFeed feed, Uri address, UiAddressFile record)
    {
        _app = app;
        _feed = feed;
        Address = address;
        _record = record;
    }

    /// <summary>The address with the session token, to open once.</summary>
    public Uri Address { get; }

    public static async Task<UiHost> StartAsync(Workspace workspace, int port, Func<string, string> redact, UiSession? session = null, CancellationToken cancellationToken = default)
    {
        session ??= UiSession.Create();
        var folders = new[] { BacklogMd.Model.TaskFolder.Tasks, BacklogMd.Model.TaskFolder.Completed }.Select(workspace.Store.Project.FolderPath);
        var feed = new ChangeFeed(folders, workspace.Paths.Root, TimeSpan.FromMilliseconds(300));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        var app = builder.Build();
        var guard = new UiGuard(session);
        app.Use((http, next) => guard.InvokeAsync(http, () => next(http)));
        new UiEndpoints(new UiContext(workspace, session, feed, redact)).Map(app);
        await app.StartAsync(cancellationToken);
        var bound = new Uri(app.Urls.First());
        var address = new Uri($"http://127.0.0.1:{bound.Port}/?{UiSession.QueryName}={session.Token}");
        // A later `backlog-jira ui` opens this one instead of starting a second.
        var record = new UiAddressFile(workspace.Paths.Root);
        await record.WriteAsync(address, cancellationToken);
        return new UiHost(app, feed, address, record);
    }

    public async ValueTask DisposeAsync()
    {
        _record.DeleteIfMine();
        await _app.DisposeAsync();
        _feed.Dispose();
    }
}
