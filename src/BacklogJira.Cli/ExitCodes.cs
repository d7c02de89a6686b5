namespace BacklogJira.Cli;

/// <summary>Process exit codes, the same for every command (listed in <c>--help</c> and the README).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed: a task, a request, a file.</summary>
    public const int Failure = 1;

    /// <summary>Everything ran, but conflicts are left for you to settle.</summary>
    public const int ConflictsLeft = 2;

    /// <summary>Bad configuration or command-line usage.</summary>
    public const int Usage = 3;
}
