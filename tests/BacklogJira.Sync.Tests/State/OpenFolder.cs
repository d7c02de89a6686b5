using System.Runtime.InteropServices;

namespace BacklogJira.Sync.Tests.State;

/// <summary>
/// A folder held open by descriptor (Linux x86-64/arm64, where <c>st_ino</c> sits at byte 8 of <c>struct stat</c>), so a
/// test can ask about this very folder even while others rename it: does it hold a file, is it still at a path.
/// </summary>
internal sealed partial class OpenFolder : IDisposable
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY
    private readonly int _descriptor;

    private OpenFolder(int descriptor) => _descriptor = descriptor;

    public static OpenFolder? At(string path)
    {
        var descriptor = Open(path, ReadOnlyDirectory);
        return descriptor < 0 ? null : new OpenFolder(descriptor);
    }

    public bool Holds(string name) => AccessAt(_descriptor, name, 0, 0) == 0;

    public bool StillAt(string path)
    {
        var here = new byte[256];
        var there = new byte[256];
        return FStat(_descriptor, here) == 0 && Stat(path, there) == 0
            && BitConverter.ToUInt64(here, 0) == BitConverter.ToUInt64(there, 0)
            && BitConverter.ToUInt64(here, 8) == BitConverter.ToUInt64(there, 8);
    }

    public void Dispose() => _ = Close(_descriptor); // nothing to do about a failed close of a read-only descriptor

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "faccessat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int AccessAt(int directory, string name, int mode, int flags);

    [LibraryImport("libc", EntryPoint = "fstat")]
    private static partial int FStat(int descriptor, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
