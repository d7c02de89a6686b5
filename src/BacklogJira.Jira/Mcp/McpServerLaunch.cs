using System.Collections;
using BacklogJira.Jira.Configuration;
using BacklogJira.Jira.Errors;

namespace BacklogJira.Jira.Mcp;

/// <summary>
/// How to start the MCP Atlassian server (config <c>mcp</c>: command, args, env) and the environment it gets: the
/// Jira credentials it needs, <c>TZ=UTC</c> (its timestamps carry only a zone abbreviation), <c>TOOLSETS=all</c> (the
/// user tools are not in the default set), what <c>mcp.env</c> adds, and from our own environment only what a process
/// needs to run (PATH, HOME, locale, proxies). Nothing else of ours reaches it.
/// </summary>
public sealed record McpServerLaunch
{
    /// <summary>The sooperset/mcp-atlassian release this version was built against (docs/reference/jira.md §0).</summary>
    public const string PinnedVersion = "0.23.1";

    public const string DockerImage = "ghcr.io/sooperset/mcp-atlassian:" + PinnedVersion;

    private static readonly string[] PassThrough =
    [
        "PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "TEMP", "TMP", "DOTNET_ROOT", "XDG_CACHE_HOME", "UV_CACHE_DIR", "UV_TOOL_DIR",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE",
        "SystemRoot", "ComSpec", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "ProgramData", "DOCKER_HOST", "DOCKER_CONFIG",
    ];

    private static readonly string[] CredentialNames = ["JIRA_URL", "JIRA_USERNAME", "JIRA_API_TOKEN", "JIRA_PERSONAL_TOKEN"];

    public required string Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Extra variables for the server (config <c>mcp.env</c>, or the original's <c>mcp.envVars</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Started in an empty folder: mcp-atlassian loads a <c>.env</c> it finds with override on, and the
    /// repository's <c>.env</c> must not change what we pass it.</summary>
    public string? WorkingDirectory { get; init; }

    public string Describe() => string.Join(' ', [Command, .. Arguments]);

    /// <summary>uvx with the pinned version when uvx is on PATH, else Docker with the pinned image, else an error that
    /// says how to install either.</summary>
    public static McpServerLaunch Default(Func<string, string?> findOnPath)
    {
        if (findOnPath("uvx") is { } uvx) return new McpServerLaunch { Command = uvx, Arguments = ["mcp-atlassian@" + PinnedVersion] };
        if (findOnPath("docker") is { } docker)
        {
            // "-e NAME" without a value: Docker copies it from its own environment, so no secret is on a command line.
            string[] names = [.. CredentialNames, "TZ", "TOOLSETS"];
            return new McpServerLaunch { Command = docker, Arguments = ["run", "--rm", "-i", .. names.SelectMany(n => new[] { "-e", n }), DockerImage] };
        }
        throw new JiraConfigurationException(
            "jira.transport is \"mcp\" but neither uvx nor docker is on PATH. Install uv (https://docs.astral.sh/uv/, gives uvx) or Docker, " +
            "or set mcp.command and mcp.args in .backlog-jira/config.json to the server to start.");
    }

    /// <summary>The child's whole environment (the caller turns inheritance off).</summary>
    public Dictionary<string, string?> ChildEnvironment(JiraConnectionSettings jira, IDictionary parent)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in PassThrough)
            if (parent[name] is string value && value.Length > 0) env[name] = value;
        foreach (var (name, value) in Environment) env[name] = value;
        env["JIRA_URL"] = jira.BaseUrl.ToString().TrimEnd('/');
        if (jira.PersonalToken is not null) env["JIRA_PERSONAL_TOKEN"] = jira.PersonalToken;
        else
        {
            env["JIRA_USERNAME"] = jira.User;
            env["JIRA_API_TOKEN"] = jira.ApiToken;
        }
        env["TZ"] = "UTC";
        env.TryAdd("TOOLSETS", "all");
        env["MCP_LOGGING_STDOUT"] = "false";
        return env;
    }

    /// <summary>Every secret value the child knows, to blank out of anything we repeat from its stderr.</summary>
    public static IEnumerable<string> Secrets(JiraConnectionSettings jira) =>
        new[] { jira.ApiToken, jira.PersonalToken }.OfType<string>().Where(s => s.Length >= 4);

    public static string? FindOnPath(string program, IDictionary environment)
    {
        if (Path.IsPathRooted(program)) return File.Exists(program) ? program : null;
        var path = environment["PATH"] as string ?? "";
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", ".cmd", ".bat", ""] : [""];
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => suffixes.Select(suffix => Path.Combine(dir, program + suffix)))
            .FirstOrDefault(File.Exists);
    }
}
