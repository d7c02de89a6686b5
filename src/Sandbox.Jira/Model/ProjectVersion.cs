namespace Sandbox.Jira.Model;

/// <summary>A project version (a release), as fix versions and affects versions name it.</summary>
public sealed record ProjectVersion(string Id, string Name, bool Released = false, bool Archived = false);
