namespace BacklogJira.BacklogMd.Model;

/// <summary>An acceptance criterion or definition-of-done item; <see cref="Index"/> is 1..n in document order.</summary>
public sealed record ChecklistItem(int Index, string Text, bool Checked);
