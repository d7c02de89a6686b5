namespace Sandbox.Jira.Webhooks;

/// <summary>
/// What can go wrong between Jira and a receiver, switched on per sandbox (docs/jira-sandbox.md, "Webhooks"): each
/// delivery waits <see cref="Delay"/>; a share is lost outright (no retry: a webhook Jira never sent, or one a proxy
/// swallowed), sent twice under the same identifier (at-least-once delivery), or sent after the one behind it.
/// Seeded, so a failing run can be replayed.
/// </summary>
public sealed record WebhookFaults
{
    public TimeSpan Delay { get; init; }
    public double DropFraction { get; init; }
    public double DuplicateFraction { get; init; }
    public double ReorderFraction { get; init; }
    public int Seed { get; init; } = 1;
}
