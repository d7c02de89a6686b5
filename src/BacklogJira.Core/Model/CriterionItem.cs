namespace BacklogJira.Core.Model;

/// <summary>One acceptance criterion in canonical form: its text (trimmed) and whether it is checked.</summary>
public sealed record CriterionItem(string Text, bool Checked);
