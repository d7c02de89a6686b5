using System.Security.Cryptography;
using BacklogJira.Jira.Configuration;
using BacklogTools.Files;

namespace BacklogJira.Cli.Commands.Serve;

/// <summary>
/// <c>JIRA_WEBHOOK_SECRET</c>, kept like the Jira token: read from the environment, <c>.env.local</c> or <c>.env</c>;
/// when missing, generated (32 random bytes, hex) and added to <c>.env</c> (other lines kept, written atomically,
/// readable by the owner only). Never printed.
/// </summary>
internal static class WebhookSecretStore
{
    public static async Task<(string Secret, bool Generated)> GetOrCreateAsync(CliContext context, string projectRoot, CancellationToken cancellationToken)
    {
        if (JiraSettingsLoader.Value(projectRoot, context.Environment, ServeCommand.SecretVariable) is { Length: >= 16 } existing) return (existing, false);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var path = Path.Combine(projectRoot, ".env");
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "";
        var updated = DotEnvFile.Replace(text, [ServeCommand.SecretVariable],
            "# Jira webhook secret (backlog-jira webhook register); serve accepts only webhooks signed with it", [$"{ServeCommand.SecretVariable}={secret}"]);
        await AtomicFile.WriteAllTextAsync(path, updated, cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        context.Secrets.Add(secret);
        return (secret, true);
    }
}
