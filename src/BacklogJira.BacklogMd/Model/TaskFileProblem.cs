namespace BacklogJira.BacklogMd.Model;

/// <summary>A task file we could not read. It is skipped and never rewritten; <see cref="Line"/> is 1-based when known.</summary>
public sealed record TaskFileProblem(string FilePath, int? Line, string Reason)
{
    public override string ToString() => Line is { } line ? $"{FilePath}:{line}: {Reason}" : $"{FilePath}: {Reason}";
}
