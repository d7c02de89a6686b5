namespace BacklogMcp.Core.Files;

/// <summary>Writes a file whole or not at all: into a hidden temporary file beside the target, then a rename, so a
/// failed or oversized download never leaves half a file under the target name.</summary>
public static class AtomicFile
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/>; more than <paramref name="maxBytes"/> aborts
    /// with <see cref="FileTooLargeException"/> and nothing written. Returns the byte count.</summary>
    public static async Task<long> WriteAsync(string path, Stream source, long maxBytes, bool overwrite, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".part");
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

    public static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        // Awaited inside the using: returning the task would dispose the stream while a copy of more than one buffer
        // (80 KB) is still reading it (issue 20: exports with a long raw.md failed with ObjectDisposedException).
        await using var stream = new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(text));
        await WriteAsync(path, stream, long.MaxValue, overwrite: true, cancellationToken);
    }
}

public sealed class FileTooLargeException(long maxBytes) : Exception($"the file is larger than the limit of {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}
