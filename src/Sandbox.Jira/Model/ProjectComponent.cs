namespace Sandbox.Jira.Model;

/// <summary>A project component, as the system field <c>components</c> names it (by <c>{"name"}</c> or <c>{"id"}</c>).</summary>
public sealed record ProjectComponent(string Id, string Name);
