using System.Runtime.InteropServices;

namespace BacklogJira.Cli.Rendering;

/// <summary>
/// Whether whoever read our standard output has gone (<c>backlog-jira watch | head</c> after head exits). .NET ignores
/// SIGPIPE and drops writes to a closed pipe without an error, so a long-running command asks: on Linux and macOS,
/// <c>poll</c> reports POLLERR (or POLLHUP) on the write end of a pipe whose reader closed.
/// </summary>
internal static partial class OutputPipe
{
    private const short PollErr = 0x0008;
    private const short PollHup = 0x0010;

    public static bool ReaderGone()
    {
        if (!Console.IsOutputRedirected || OperatingSystem.IsWindows()) return false;
        try
        {
            var fd = new PollFd { Fd = 1, Events = 0 };
            return Poll(ref fd, 1, 0) > 0 && (fd.Revents & (PollErr | PollHup)) != 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(ref PollFd fd, nuint count, int timeout);
}
