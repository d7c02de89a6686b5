using System.Text;

namespace BacklogJira.BacklogMd.Parsing;

/// <summary>Reads a task file as text without dropping a BOM (File.ReadAllText would), so a rewrite can keep it.</summary>
public static class TaskFileText
{
    public static string Read(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path));

    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path, cancellationToken));
}
