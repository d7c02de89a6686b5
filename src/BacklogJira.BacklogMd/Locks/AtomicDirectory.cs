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

    /// <summary>
    /// Renames the directory <paramref name="source"/> to <paramref name="destination"/> unless something is already
    /// there, atomically: plain <c>rename(2)</c> silently replaces an empty directory, so Linux uses
    /// <c>renameat2(RENAME_NOREPLACE)</c>. Where that is not offered (another OS, a file system without it), .NET's
    /// move checks first; our lock folders are never empty there (they hold their note), and rename never replaces a
    /// non-empty directory, so the check's race cannot hand one lock to two runs.
    /// </summary>
    public static bool TryRenameNoReplace(string source, string destination)
    {
        if (OperatingSystem.IsLinux())
        {
            if (RenameAt2(CurrentDirectory, source, CurrentDirectory, destination, NoReplace) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is AlreadyExists or NotEmpty)
            {
                return false;
            }

            if (errno is not (InvalidArgument or NotImplemented))
            {
                throw new IOException($"Could not rename {source} to {destination} (errno {errno}).");
            }
        }

        try
        {
            Directory.Move(source, destination);
            return true;
        }
        catch (IOException) when (Directory.Exists(destination))
        {
            return false;
        }
    }

    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint NoReplace = 1; // RENAME_NOREPLACE
    private const int NotEmpty = 39; // ENOTEMPTY
    private const int InvalidArgument = 22; // EINVAL: the file system does not support the flag
    private const int NotImplemented = 38; // ENOSYS: a kernel older than 3.15

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mkdir(string path, uint mode);
}
