namespace Sandbox.Jira.Model;

/// <summary>A user: Cloud identifies users by accountId only; Data Center by name and key.</summary>
public sealed record SandboxUser(string AccountId, string Name, string Key, string DisplayName, string Email, bool Active = true);
