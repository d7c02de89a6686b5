namespace BacklogJira.BacklogMd.Model;

/// <summary>Several files in tasks/ and completed/ share one id identity, as <c>backlog doctor</c> reports it.</summary>
public sealed record DuplicateTaskId(string Id, IReadOnlyList<string> FilePaths);
