namespace BacklogJira.BacklogMd.Model;

/// <summary>One entry of the <c>## Comments</c> section; <see cref="Created"/> is the stored text (<c>YYYY-MM-DD HH:mm</c>).</summary>
public sealed record TaskComment(int Index, string Body, string? Author, string? Created);
