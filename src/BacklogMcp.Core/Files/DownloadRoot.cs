namespace BacklogMcp.Core.Files;

/// <summary>
/// The only folder backlog-mcp writes to (ATTACHMENT_WORKSPACE). A caller's folder (an export's <c>outputDir</c>) must be
/// relative and stay inside it: absolute paths, <c>..</c> segments and folders reached through a symbolic link that
/// leads outside are refused; a server's file name is made safe first; an existing file is refused unless
/// <c>overwrite</c> is asked for.
/// </summary>
public sealed class DownloadRoot
{
    public DownloadRoot(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root { get; }

    /// <summary>The folder for <paramref name="relative"/> (null or empty: the root), created if missing.</summary>
    public string Directory(string? relative)
    {
        var text = (relative ?? "").Trim();
        if (Path.IsPathRooted(text) || text.StartsWith('~'))
            throw new DownloadPathException($"'{relative}' is an absolute path; give a folder relative to the download root {Root} (ATTACHMENT_WORKSPACE).");
        var segments = text.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
            throw new DownloadPathException($"'{relative}' leaves the download root ({Root}) with '..'; give a folder inside it.");
        var path = Path.GetFullPath(Path.Combine([Root, .. segments.Where(s => s != ".")]));
        EnsureInside(path, relative ?? "");
        System.IO.Directory.CreateDirectory(path);
        EnsureInside(path, relative ?? "");
        return path;
    }

    /// <summary>The path to write a file named by the server into <paramref name="directory"/> (from <see cref="Directory"/>).</summary>
    public string File(string directory, string? serverName, bool overwrite)
    {
        EnsureInside(directory, directory);
        var path = Path.Combine(directory, SafeFileName.From(serverName));
        EnsureInside(path, serverName ?? "");
        if (!overwrite && (System.IO.File.Exists(path) || System.IO.Directory.Exists(path)))
            throw new DownloadPathException($"{path} already exists; pass overwrite: true to replace it, or another folder.");
        if (new FileInfo(path).LinkTarget is not null)
            throw new DownloadPathException($"{path} is a symbolic link; backlog-mcp does not write through links.");
        return path;
    }

    /// <summary>Inside the root textually, and every existing folder on the way resolves (links followed) inside it too.</summary>
    private void EnsureInside(string path, string asked)
    {
        if (!IsUnder(Path.GetFullPath(path), Root))
            throw new DownloadPathException($"'{asked}' is outside the download root {Root}.");
        var current = new DirectoryInfo(Root);
        var relative = Path.GetRelativePath(Root, path);
        if (relative == ".") return;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current.FullName, segment);
            if (!System.IO.Directory.Exists(next)) break;
            var info = new DirectoryInfo(next);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target && !IsUnder(target.FullName, Root))
                throw new DownloadPathException($"'{asked}' goes through the link {next}, which leads outside the download root {Root}.");
            current = info;
        }
    }

    private static bool IsUnder(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return full.Equals(root, comparison) || full.StartsWith(root + Path.DirectorySeparatorChar, comparison);
    }
}
