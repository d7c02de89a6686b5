using System.Text;

namespace BacklogTools.Files;

/// <summary>Writes a file whole or not at all: into a hidden temporary sibling, then a rename, so a reader never sees
/// half a file and a failed or oversized write never leaves one under the target name.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8 without an added BOM; a BOM in the
    /// text is kept as a character).</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temp = TemporaryBeside(path, ".tmp");
        try
        {
            await File.WriteAllTextAsync(temp, text, Utf8NoBom, cancellationToken);
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
