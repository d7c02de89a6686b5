using System.Text.Json.Nodes;
using BacklogJira.Cli.Commands.Serve;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;
using BacklogJira.Jira.Rest;
using BacklogJira.Sync.State;

namespace BacklogJira.Cli.Commands.Doctor;

/// <summary>
/// Real-time sync, checked when it is in use (<c>JIRA_WEBHOOK_SECRET</c> set): a Jira webhook posts to serve's endpoint,
/// and serve answers at that address (<c>/healthz</c>), as Jira would reach it. Warnings, not failures: without them
/// sync still works, by <c>watch</c> or serve's poll.
/// </summary>
internal static class ServeChecks
{
    private const string Name = "real-time sync";

    public static async Task<CheckResult> RunAsync(CliContext context, string projectRoot, SyncConfig? config, CancellationToken cancellationToken)
    {
        if (JiraSettingsLoader.Value(projectRoot, context.Environment, ServeCommand.SecretVariable) is null)
            return CheckResult.Skip(Name, $"{ServeCommand.SecretVariable} is not set: serve is not in use");
        JiraConnectionSettings settings;
        try
        {
            settings = JiraClientFactory.Quick(JiraSettingsLoader.Load(projectRoot, context.Environment));
        }
        catch (JiraConfigurationException)
        {
            return CheckResult.Skip(Name, "no Jira credentials (see above)");
        }
        if (JiraClientFactory.Transport(context, config) != JiraTransportKind.Rest) return CheckResult.Skip(Name, "webhooks are read over REST only");
        using var jira = new JiraRestClient(settings, logger: context.Logger);
        IReadOnlyList<JiraWebhook> hooks;
        try
        {
            hooks = await new JiraWebhookAdmin(jira).ListAsync(cancellationToken);
        }
        catch (Exception error) when (error is JiraPermissionException or JiraAuthenticationException)
        {
            return CheckResult.Warn(Name, "Jira's webhooks can be read by administrators only", "Ask a Jira administrator to confirm a webhook posts to serve's /webhooks/jira (docs/serve.md, \"Registering\").");
        }
        catch (JiraException error)
        {
            return CheckResult.Warn(Name, "could not read Jira's webhooks: " + error.Message, "Run doctor again; serve's poll syncs meanwhile.");
        }
        var ours = hooks.FirstOrDefault(h => Uri.TryCreate(h.Url, UriKind.Absolute, out var url) && url.AbsolutePath.TrimEnd('/').EndsWith("/webhooks/jira", StringComparison.Ordinal));
        if (ours is null)
            return CheckResult.Warn(Name, "no Jira webhook posts to serve; edits in Jira reach tasks only at serve's poll", "backlog-jira webhook register --url <the address Jira reaches serve at>");
        if (!ours.Enabled)
            return CheckResult.Warn(Name, $"webhook {ours.Id} ({WebhookCommand.Redacted(ours.Url)}) is disabled in Jira", "Enable it on Jira's admin screen (System → WebHooks).");
        var health = new Uri(new Uri(ours.Url).GetLeftPart(UriPartial.Path).TrimEnd('/')[..^"webhooks/jira".Length] + "healthz");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var answer = JsonNode.Parse(await http.GetStringAsync(health, cancellationToken));
            return CheckResult.Ok(Name, $"webhook {ours.Id} posts to {WebhookCommand.Redacted(ours.Url)}; serve answers there (status {answer?["status"]}, {answer?["pending"]} pending)");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return CheckResult.Warn(Name, $"webhook {ours.Id} posts to {WebhookCommand.Redacted(ours.Url)}, but nothing answers at {health} ({error.Message})",
                "Start backlog-jira serve, and check the tunnel or proxy in front of it forwards to it.");
        }
    }
}
