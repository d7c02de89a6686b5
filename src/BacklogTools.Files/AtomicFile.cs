using System.Text;

namespace BacklogTools.Files;

/// <summary>Writes a file whole or not at all: into a hidden temporary sibling, then a rename, so a reader never sees
/// half a file and a failed or oversized write never leaves one under the target name.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8 without an added BOM; a BOM in the
    /// text is kept as a character).</summary>
    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken) => WriteTextAsync(path, text, ownerOnly: false, cancellationToken);

    /// <summary>As <see cref="WriteAllTextAsync"/>, readable and writable by the owner only (a secret): the temporary
    /// file is created with mode 0600 on Unix, so the secret is never readable by others, not even for a moment.</summary>
    public static Task WritePrivateTextAsync(string path, string text, CancellationToken cancellationToken) => WriteTextAsync(path, text, ownerOnly: true, cancellationToken);

    private static async Task WriteTextAsync(string path, string text, bool ownerOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temp = TemporaryBeside(path, ".tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (ownerOnly && !OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var stream = new FileStream(temp, options))
            await using (var writer = new StreamWriter(stream, Utf8NoBom))
                await writer.WriteAsync(text.AsMemory(), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/>; more than <paramref name="maxBytes"/> aborts
    /// with <see cref="FileTooLargeException"/> and nothing written. Returns the byte count.</summary>
    public static async Task<long> WriteAsync(string path, Stream source, long maxBytes, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var temporary = TemporaryBeside(path, ".part");
        long total = 0;
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes) throw new FileTooLargeException(maxBytes);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            File.Move(temporary, path, overwrite);
            return total;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string TemporaryBeside(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{suffix}");
}

public sealed class FileTooLargeException(long maxBytes) : Exception($"the file is larger than the limit of {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}
