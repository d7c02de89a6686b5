using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BacklogJira.Core.Mapping;
using BacklogTools.Files;

namespace BacklogJira.Sync.State;

internal sealed class CanonicalTextMemoDocument
{
    public string Converter { get; set; } = "";
    public Dictionary<string, string> Entries { get; set; } = [];
}

/// <summary>
/// <c>.backlog-jira/cache/canonical-text.json</c> (local): the canonical Markdown of each description already seen,
/// by the SHA-256 of its input. Canonicalising is a Markdown → ADF → Markdown round trip, the costliest step of a sync
/// that finds nothing to do; it is a pure function, so its result can be kept. The entries are tied to the converter's
/// build (the module version id changes whenever its code does), so a new version never reuses an old result.
/// </summary>
public sealed class CanonicalTextMemo
{
    private static readonly string Converter = typeof(CanonicalText).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly StatePaths _paths;
    private readonly Lazy<ConcurrentDictionary<string, string>> _entries;
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);
    private int _added;

    private CanonicalTextMemo(StatePaths paths, Func<Dictionary<string, string>> entries)
    {
        _paths = paths;
        _entries = new Lazy<ConcurrentDictionary<string, string>>(() => new ConcurrentDictionary<string, string>(entries(), StringComparer.Ordinal));
    }

    /// <summary>The memo of this project; its file is read on first use, so a run that merges no pair never reads it.</summary>
    public static CanonicalTextMemo Load(StatePaths paths) => new(paths, () => ReadEntries(paths));

    private static Dictionary<string, string> ReadEntries(StatePaths paths)
    {
        try
        {
            if (File.Exists(paths.CanonicalTextMemo))
            {
                using var stream = File.OpenRead(paths.CanonicalTextMemo);
                var document = JsonSerializer.Deserialize(stream, StateJsonContext.Default.CanonicalTextMemoDocument);
                if (document?.Converter == Converter) return document.Entries;
            }
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException)
        {
            // An unreadable memo is only a slower run.
        }
        return [];
    }

    /// <summary><see cref="CanonicalText.Markdown"/>, remembered.</summary>
    public string Markdown(string? text)
    {
        var plain = CanonicalText.Plain(text);
        if (plain.Length == 0) return "";
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
        _used.TryAdd(key, 0);
        if (_entries.Value.TryGetValue(key, out var known)) return known;
        var result = CanonicalText.Markdown(plain);
        if (_entries.Value.TryAdd(key, result)) Interlocked.Increment(ref _added);
        return result;
    }

    /// <summary>Saves when something was added; <paramref name="prune"/> (a run that merged every pair) drops what it did
    /// not use. A run that skipped unchanged pairs must not prune: their descriptions are still current.</summary>
    public async Task SaveAsync(bool prune, CancellationToken cancellationToken)
    {
        // Never read and no prune: nothing was added, nothing to write.
        if (!_entries.IsValueCreated && !prune) return;
        var entries = _entries.Value;
        var unused = prune ? entries.Keys.Where(k => !_used.ContainsKey(k)).ToList() : [];
        if (_added == 0 && unused.Count == 0) return;
        foreach (var key in unused) entries.TryRemove(key, out _);
        Directory.CreateDirectory(Path.GetDirectoryName(_paths.CanonicalTextMemo)!);
        var document = new CanonicalTextMemoDocument { Converter = Converter, Entries = new Dictionary<string, string>(entries, StringComparer.Ordinal) };
        await AtomicFile.WriteAllTextAsync(_paths.CanonicalTextMemo, JsonSerializer.Serialize(document, StateJsonContext.Default.CanonicalTextMemoDocument), cancellationToken);
        _added = 0;
    }
}
