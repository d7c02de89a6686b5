using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sandbox.Jira.Faults;
using Sandbox.Jira.Http;
using Sandbox.Jira.Model;
using Sandbox.Jira.State;

namespace Sandbox.Jira;

/// <summary>A Jira Cloud or Data Center look-alike on 127.0.0.1, started in-process by tests, benchmarks and
/// <c>backlog-jira sandbox</c>.</summary>
public sealed class JiraSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JiraSandbox(WebApplication app, SandboxState state, FaultInjector faults, Uri baseUrl)
    {
        _app = app;
        State = state;
        Faults = faults;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public SandboxState State { get; }

    public FaultInjector Faults { get; }

    /// <summary>Delivers the registered admin webhooks (docs/jira-sandbox.md, "Webhooks").</summary>
    public Webhooks.WebhookDispatcher Webhooks => State.Webhooks!;

    public RequestCounters Counters => Faults.Counters;

    public SandboxOptions Options => State.Options;

    public static async Task<JiraSandbox> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        // The content root is where ASP.NET Core watches for appsettings changes, recursively: left at the current
        // directory, a sandbox started in a repository (the demo, a test, `sandbox` in a project) would take an event for
        // every file a sync writes there. The binary's folder holds no settings and never changes.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, options.Port));
        var app = builder.Build();
        var state = new SandboxState(options) { Webhooks = new Webhooks.WebhookDispatcher() };
        var faults = new FaultInjector(options.Clock);
        if (options.ContextPath is { Length: > 0 } contextPath)
        {
            // As a Data Center under a context path: only addresses below it exist.
            app.Use((context, next) =>
            {
                if (!context.Request.Path.StartsWithSegments(contextPath, out var rest))
                {
                    context.Response.StatusCode = 404;
                    return Task.CompletedTask;
                }
                context.Request.PathBase = contextPath;
                context.Request.Path = rest;
                return next(context);
            });
        }
        app.UseRouting();
        app.Use((context, next) => faults.InvokeAsync(context, next));
        app.Use((context, next) => Authentication.InvokeAsync(context, next, state));
        var routes = new ApiRoutes(app, state);
        MetadataEndpoints.Map(routes, state);
        IssueEndpoints.Map(routes, state);
        TransitionEndpoints.Map(routes, state);
        CommentEndpoints.Map(routes, state);
        LinkEndpoints.Map(routes, state);
        IssueLinkEndpoints.Map(routes, state);
        AgileEndpoints.Map(routes, state);
        VersionEndpoints.Map(routes, state);
        ComponentEndpoints.Map(routes, state);
        SearchEndpoints.Map(routes, state, () => faults.Plan);
        WebhookEndpoints.Map(routes, state);
        app.MapFallback((HttpContext context) =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json;charset=UTF-8";
            return context.Response.WriteAsync("""{"errorMessages":["null for uri: """ + context.Request.Path + "\"],\"errors\":{}}");
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + (options.ContextPath ?? ""));
        state.Webhooks.BaseUrl = baseUrl.ToString();
        return new JiraSandbox(app, state, faults, baseUrl);
    }

    /// <summary>Adds issues with realistic text straight into the state (no HTTP), for paging tests and benchmarks.</summary>
    public IReadOnlyList<string> SeedIssues(int count, string? projectKey = null)
    {
        return State.Write(data =>
        {
            var project = SandboxState.FindProject(data, projectKey ?? Options.ProjectKey)!;
            var now = State.Now();
            var keys = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var number = project.NextIssueNumber++;
                var issue = new SandboxIssue
                {
                    Id = (data.NextIssueId++).ToString(CultureInfo.InvariantCulture),
                    Key = $"{project.Key}-{number}",
                    ProjectKey = project.Key,
                    Summary = $"Seeded issue {number}",
                    Description = State.Mode == SandboxMode.Cloud
                        ? SeededDescription(number)
                        : System.Text.Json.Nodes.JsonValue.Create($"Seeded description {number}.\n\n* \\[ \\] first check\n* \\[x\\] second check"),
                    StatusId = project.Workflow.InitialStatusId,
                    ReporterId = data.Users[0].Key,
                    AssigneeId = data.Users[1 + (i % 3)].Key,
                    Labels = [$"seed{i % 5}"],
                    Created = now.AddMinutes(-count + i),
                    Updated = now.AddMinutes(-count + i),
                    StatusCategoryChanged = now.AddMinutes(-count + i),
                };
                data.Issues.Add(issue);
                keys.Add(issue.Key);
            }
            return keys;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (State.Webhooks is { } webhooks) await webhooks.DisposeAsync();
        State.Dispose();
    }
    /// <summary>A seeded issue's description as the Jira editor stores it: a paragraph and a two-item task list.</summary>
    private static System.Text.Json.Nodes.JsonObject SeededDescription(int number)
    {
        static System.Text.Json.Nodes.JsonObject Item(string id, string state, string text) =>
            Rendering.Doc.Block("taskItem", [Rendering.Doc.Text(text)], new System.Text.Json.Nodes.JsonObject { ["localId"] = id, ["state"] = state });
        return Rendering.Doc.Root([
            Rendering.Doc.Block("paragraph", [Rendering.Doc.Text($"Seeded description {number}.")]),
            Rendering.Doc.Block("taskList", [Item($"seed-{number}-1", "TODO", "first check"), Item($"seed-{number}-2", "DONE", "second check")], new System.Text.Json.Nodes.JsonObject { ["localId"] = $"seed-{number}" }),
        ]);
    }
}
