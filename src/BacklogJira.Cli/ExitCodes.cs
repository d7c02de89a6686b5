namespace BacklogJira.Cli;

/// <summary>Process exit codes: 0 success, 1 a failure the user must act on, 2 bad command-line usage.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
