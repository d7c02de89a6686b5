using System.Runtime.InteropServices;

namespace BacklogJira.BacklogMd.Locks;

/// <summary>
/// <c>mkdir(2)</c>, which fails with EEXIST when the directory is there: the atomic test-and-set that Backlog.md's
/// proper-lockfile relies on. <see cref="Directory.CreateDirectory(string)"/> cannot serve, since it succeeds on an existing directory.
/// </summary>
internal static partial class AtomicDirectory
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    public static bool TryCreate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no mkdir-fails-if-present in .NET; check-then-create is racy but Backlog.md's Windows users
            // share the same weakness through Node's fs.mkdir emulation only in theory. Good enough for a fallback.
            if (Directory.Exists(path))
            {
                return false;
            }

            Directory.CreateDirectory(path);
            return true;
        }

        if (Mkdir(path, Convert.ToUInt32("755", 8)) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == AlreadyExists)
        {
            return false;
        }

        throw new IOException($"Could not create the lock directory {path} (errno {errno}).");
    }

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mkdir(string path, uint mode);
}
