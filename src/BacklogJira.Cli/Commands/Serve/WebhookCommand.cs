using System.CommandLine;
using System.Text.Json.Nodes;
using BacklogJira.Cli.Commands.Configure;
using BacklogJira.Core.Ports;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Rest;
using BacklogJira.Serve.Webhooks;
using BacklogJira.Sync.Engine;

namespace BacklogJira.Cli.Commands.Serve;

/// <summary>
/// <c>webhook register | list | remove</c>: the Jira side of <c>serve</c> (docs/serve.md, "Registering"), through Jira's
/// admin webhook API. Registering twice finds the first; a user who is not a Jira administrator gets the exact steps for
/// Jira's admin screen instead.
/// </summary>
internal static class WebhookCommand
{
    public const string NamePrefix = "backlog-jira";

    public static Command Create(CliContext context)
    {
        var url = new Option<string>("--url") { Description = "The address Jira reaches serve at (its --public-url), e.g. https://sync.example.com", Required = true };
        var name = new Option<string?>("--name") { Description = "The webhook's name in Jira (default: backlog-jira serve (<folder>))" };
        var register = new Command("register", "Register serve's webhook in Jira for the events sync acts on, limited to the import scope's JQL\n\nExample: backlog-jira webhook register --url https://sync.example.com") { url, name };
        register.SetAction((parse, token) => RegisterAsync(context, parse.GetValue(url)!, parse.GetValue(name), token));

        var json = new Option<bool>("--json") { Description = "One JSON document: {schemaVersion, kind, webhooks}" };
        var list = new Command("list", "List Jira's admin webhooks, ours marked (a URL's token is never shown)\n\nExample: backlog-jira webhook list --json") { json };
        list.SetAction((parse, token) => ListAsync(context, parse.GetValue(json), token));

        var ids = new Argument<string[]>("id") { Description = "Webhook ids to remove; none means every webhook named backlog-jira…", Arity = ArgumentArity.ZeroOrMore };
        var remove = new Command("remove", "Remove serve's webhooks from Jira (or the ones named)\n\nExample: backlog-jira webhook remove") { ids };
        remove.SetAction((parse, token) => RemoveAsync(context, parse.GetValue(ids) ?? [], token));

        return new Command("webhook", "Register, list and remove the Jira webhook that feeds serve") { register, list, remove };
    }

    private static async Task<int> RegisterAsync(CliContext context, string urlText, string? nameText, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var given) || given.Scheme is not ("http" or "https"))
        {
            await context.Error.WriteLineAsync($"Invalid --url '{urlText}': give the http(s) address Jira reaches serve at, e.g. https://sync.example.com");
            return ExitCodes.Usage;
        }
        using var session = SyncSession.Open(context);
        if (Admin(context, session) is not { } admin) return ExitCodes.Failure;
        var hook = HookUrl(given);
        var name = nameText ?? $"{NamePrefix} serve ({Path.GetFileName(session.Store.Project.RootPath)})";
        var jql = ImportScope.WithoutOrder(JiraImporter.ResolveJql(null, session.Config));
        var (secret, generated) = await WebhookSecretStore.GetOrCreateAsync(context, session.Store.Project.RootPath, cancellationToken);
        if (generated)
        {
            await context.Out.WriteLineAsync($"Generated a webhook secret and stored it in .env as {ServeCommand.SecretVariable} (serve reads it from there).");
            if (!ConfigureWriter.IsIgnored(session.Store.Project.RootPath)) await context.Error.WriteLineAsync("warning: .env is not in .gitignore; add it so the secret stays out of git.");
        }
        var dataCenter = (await session.Jira.GetServerInfoAsync(cancellationToken)).Deployment == JiraDeployment.DataCenter;
        // Data Center does not sign webhooks: the secret travels in the URL instead, and serve checks it there.
        var registeredUrl = dataCenter ? $"{hook}?token={Uri.EscapeDataString(secret)}" : hook.ToString();
        try
        {
            var existing = (await admin.ListAsync(cancellationToken)).FirstOrDefault(w => SameEndpoint(w.Url, hook));
            if (existing is not null)
            {
                await context.Out.WriteLineAsync($"Already registered: webhook {existing.Id} \"{existing.Name}\" posts to {Redacted(existing.Url)}. Nothing changed (webhook remove {existing.Id} first to register it anew).");
                return ExitCodes.Success;
            }
            var created = await admin.RegisterAsync(name, registeredUrl, JiraWebhookParser.Handled, jql, dataCenter ? null : secret, cancellationToken);
            await context.Out.WriteLineAsync($"Registered webhook {created.Id} \"{created.Name}\": {Redacted(created.Url)}");
            await context.Out.WriteLineAsync($"  events: {string.Join(", ", JiraWebhookParser.Handled)}");
            await context.Out.WriteLineAsync($"  issues: {jql}");
            await context.Out.WriteLineAsync(dataCenter
                ? "  Data Center sends webhooks unsigned: the secret is in the URL's token, which serve checks."
                : "  Jira signs each delivery with the secret (X-Hub-Signature). If the webhook's page in Jira shows no secret, paste the value of JIRA_WEBHOOK_SECRET there.");
            return ExitCodes.Success;
        }
        catch (Exception error) when (error is JiraPermissionException or JiraAuthenticationException)
        {
            await context.Error.WriteLineAsync($"Jira refused: {error.Message} Registering webhooks needs a Jira administrator. Ask one to open System → WebHooks → Create a WebHook and enter:");
            await context.Error.WriteLineAsync($"  Name: {name}");
            await context.Error.WriteLineAsync($"  URL: {(dataCenter ? $"{hook}?token=<the value of {ServeCommand.SecretVariable} in .env>" : hook.ToString())}");
            if (!dataCenter) await context.Error.WriteLineAsync($"  Secret: the value of {ServeCommand.SecretVariable} in .env");
            await context.Error.WriteLineAsync($"  Events: issue created, updated, deleted; comment created, updated, deleted; issue link created, deleted");
            await context.Error.WriteLineAsync($"  JQL: {jql}");
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> ListAsync(CliContext context, bool json, CancellationToken cancellationToken)
    {
        using var session = SyncSession.Open(context);
        if (Admin(context, session) is not { } admin) return ExitCodes.Failure;
        var hooks = await admin.ListAsync(cancellationToken);
        if (json)
        {
            await context.Out.WriteLineAsync(new JsonObject
            {
                ["schemaVersion"] = 1, ["kind"] = "webhooks",
                ["webhooks"] = new JsonArray([.. hooks.Select(w => (JsonNode)new JsonObject
                {
                    ["id"] = w.Id, ["name"] = w.Name, ["url"] = Redacted(w.Url), ["ours"] = IsOurs(w), ["enabled"] = w.Enabled,
                    ["events"] = new JsonArray([.. w.Events.Select(e => (JsonNode?)e)]), ["jql"] = w.Jql,
                })]),
            }.ToJsonString());
            return ExitCodes.Success;
        }
        if (hooks.Count == 0) await context.Out.WriteLineAsync("No webhooks registered in Jira. Register serve's with: backlog-jira webhook register --url <public URL>");
        foreach (var hook in hooks)
            await context.Out.WriteLineAsync($"{(IsOurs(hook) ? "*" : " ")} {hook.Id}  {hook.Name}  {Redacted(hook.Url)}  {(hook.Enabled ? "" : "(disabled)  ")}{(hook.Events.Count == 0 ? "all events" : string.Join(",", hook.Events))}{(hook.Jql is null ? "" : "  JQL: " + hook.Jql)}");
        return ExitCodes.Success;
    }

    private static async Task<int> RemoveAsync(CliContext context, string[] ids, CancellationToken cancellationToken)
    {
        using var session = SyncSession.Open(context);
        if (Admin(context, session) is not { } admin) return ExitCodes.Failure;
        var hooks = await admin.ListAsync(cancellationToken);
        var chosen = ids.Length == 0 ? hooks.Where(IsOurs).ToList() : hooks.Where(h => ids.Contains(h.Id, StringComparer.Ordinal)).ToList();
        foreach (var missing in ids.Where(id => hooks.All(h => h.Id != id)))
            await context.Error.WriteLineAsync($"No webhook {missing} in Jira (webhook list shows them).");
        foreach (var hook in chosen)
        {
            await admin.RemoveAsync(hook.Id, cancellationToken);
            await context.Out.WriteLineAsync($"Removed webhook {hook.Id} \"{hook.Name}\" ({Redacted(hook.Url)}).");
        }
        if (chosen.Count == 0 && ids.Length == 0) await context.Out.WriteLineAsync($"No webhook named {NamePrefix}… to remove.");
        return ids.Length > chosen.Count ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static JiraWebhookAdmin? Admin(CliContext context, SyncSession session)
    {
        if (session.Jira is JiraRestClient rest) return new JiraWebhookAdmin(rest);
        context.Error.WriteLine("Webhooks are managed through Jira's REST API; the MCP Atlassian server has no webhook tools. Run with --transport rest.");
        return null;
    }

    /// <summary>serve's endpoint under the address given (the address itself when it already names the endpoint).</summary>
    public static Uri HookUrl(Uri given)
    {
        var text = given.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text.EndsWith("/webhooks/jira", StringComparison.Ordinal) ? text : text + "/webhooks/jira");
    }

    private static bool SameEndpoint(string registered, Uri hook) =>
        Uri.TryCreate(registered, UriKind.Absolute, out var url) && string.Equals(url.GetLeftPart(UriPartial.Path).TrimEnd('/'), hook.ToString().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool IsOurs(JiraWebhook hook) => hook.Name.StartsWith(NamePrefix, StringComparison.Ordinal);

    /// <summary>A URL with its query's token hidden: the secret never reaches the terminal.</summary>
    public static string Redacted(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url, @"([?&]token=)[^&#]*", "$1***");
}
