using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sandbox.Nulab.Http;
using Sandbox.Nulab.State;

namespace Sandbox.Nulab;

/// <summary>A Nulab Backlog look-alike (REST API v2) on 127.0.0.1, started in-process by tests, benchmarks and
/// <c>backlog-mcp sandbox</c>: apiKey auth, Nulab's error bodies and codes, X-RateLimit-* headers and 429s, paging,
/// every issue-list filter, comments by id window, attachment downloads.</summary>
public sealed class NulabSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NulabSandbox(WebApplication app, NulabSandboxOptions options, SpaceState space, RateLimits limits, SandboxFaults faults, RequestLog log, Uri baseUrl)
    {
        _app = app;
        Options = options;
        Space = space;
        RateLimits = limits;
        Faults = faults;
        Requests = log;
        BaseUrl = baseUrl;
    }

    /// <summary>The space's origin, e.g. http://127.0.0.1:5123 (what BACKLOG_BASE_URL takes).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The https origin when <see cref="NulabSandboxOptions.HttpsPort"/> was set.</summary>
    public Uri? HttpsUrl { get; private init; }

    public string ApiKey => Options.ApiKey;

    public NulabSandboxOptions Options { get; }

    public SpaceState Space { get; }

    public RateLimits RateLimits { get; }

    public SandboxFaults Faults { get; }

    public RequestLog Requests { get; }

    public static async Task<NulabSandbox> StartAsync(NulabSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NulabSandboxOptions();
        // The content root is where ASP.NET Core watches for appsettings changes, recursively: left at the current
        // directory, a sandbox started in a repository (the demo, a test, `sandbox` in a project) would take an event for
        // every file a sync writes there. The binary's folder holds no settings and never changes.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, options.Port);
            if (options.HttpsPort is { } httpsPort)
                kestrel.Listen(System.Net.IPAddress.Loopback, httpsPort, listen => listen.UseHttps(SelfSignedCertificate.Create()));
        });
        var app = builder.Build();
        var space = new SpaceState(options.Clock);
        if (options.Seed) SpaceSeed.Populate(space);
        var limits = new RateLimits(options);
        var faults = new SandboxFaults();
        var log = new RequestLog();

        app.Use(async (http, next) =>
        {
            try { await next(http); }
            finally { log.Add(http); }
        });
        app.Use(async (http, next) =>
        {
            if (faults.Delay > TimeSpan.Zero) await Task.Delay(faults.Delay, http.RequestAborted);
            if (faults.Take(http.Request) is { } fault)
            {
                await AnswerFaultAsync(http, fault);
                return;
            }
            if (!Authenticated(http.Request, options.ApiKey))
            {
                http.Response.StatusCode = 401;
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await NulabRoutes.WriteAsync(http, NulabJson.Error(11, "Authentication failure."));
                return;
            }
            if (!limits.Admit(http))
            {
                var error = NulabApiException.TooManyRequests();
                http.Response.StatusCode = 429;
                await NulabRoutes.WriteAsync(http, NulabJson.Error(error.Code, error.Message));
                return;
            }
            await next(http);
        });
        app.UseRouting();
        var routes = new NulabRoutes(app, space);
        ReadEndpoints.Map(routes, limits);
        WikiEndpoints.Map(routes);
        GitEndpoints.Map(routes);
        InboxEndpoints.Map(routes);
        DocumentEndpoints.Map(routes);
        ContentWriteEndpoints.Map(routes);
        IssueStructureEndpoints.Map(routes);
        ProjectWriteEndpoints.Map(routes);
        DocumentEndpoints.MapWrites(routes);
        ActivityEndpoints.Map(routes);
        AttachmentDownload.Map(app, space);
        WriteEndpoints.Map(routes);
        app.MapFallback((HttpContext http) =>
        {
            http.Response.StatusCode = 404;
            return NulabRoutes.WriteAsync(http, NulabJson.Error(6, "Undefined resource. " + http.Request.Path));
        });
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal))).ToList();
        return new NulabSandbox(app, options, space, limits, faults, log, addresses.First(a => a.Scheme == "http")) { HttpsUrl = addresses.FirstOrDefault(a => a.Scheme == "https") };
    }

    private static bool Authenticated(HttpRequest request, string apiKey)
    {
        if (request.Query.TryGetValue("apiKey", out var key)) return key.Count == 1 && key[0] == apiKey;
        // Nulab's own client (backlog-js 0.19+) sends the key in this header instead of the query.
        if (request.Headers.TryGetValue("Backlog-API-Key", out var keyHeader)) return keyHeader.Count == 1 && keyHeader[0] == apiKey;
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && header["Bearer ".Length..] == apiKey;
    }

    private static Task AnswerFaultAsync(HttpContext http, SandboxFaults.Fault fault)
    {
        http.Response.StatusCode = fault.Status;
        switch (fault.Kind)
        {
            case SandboxFaults.FaultKind.Html:
                http.Response.ContentType = "text/html";
                return http.Response.WriteAsync($"<html><head><title>{fault.Status} Bad Gateway</title></head><body><h1>{fault.Status} Bad Gateway</h1></body></html>");
            case SandboxFaults.FaultKind.Malformed:
                return NulabRoutes.WriteAsync(http, new System.Text.Json.Nodes.JsonObject { ["unexpected"] = "shape" });
            default:
                return NulabRoutes.WriteAsync(http, NulabJson.Error(NulabApiException.CodeFor(fault.Status), fault.Message));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
