using System.Globalization;

namespace BacklogMcp.Core.Formatting;

/// <summary>The reference's renderings (docs/reference/nulab-backlog.md §1.5), culture-independent: moments as <c>16 Sept 2024,
/// 15:30 UTC</c> in the server's local zone (English month names hardcoded, "Sept" as Node's ICU writes it), with the
/// zone named so an agent never has to guess it (the reference leaves it out); calendar dates (start, due, release) as
/// <c>30 Jan 2026</c>, never shifted by a zone; hours as <c>8h</c>/<c>1.5h</c>, sizes on a 1024 base with one decimal.</summary>
public static class NulabFormat
{
    public const string None = "—";

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

    public static string Date(string? iso, TimeZoneInfo? zone = null)
    {
        if (string.IsNullOrEmpty(iso)) return None;
        if (!DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return "Invalid Date";
        var local = TimeZoneInfo.ConvertTime(value, zone ?? TimeZoneInfo.Local);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day} {Months[local.Month - 1]} {local.Year}, {local.Hour:00}:{local.Minute:00} {ZoneLabel(local.Offset)}");
    }

    /// <summary>A calendar date: Nulab sends start, due and release dates as midnight UTC (<c>2026-01-30T00:00:00Z</c>);
    /// the date part is the date, whatever the zone.</summary>
    public static string Day(string? iso)
    {
        if (string.IsNullOrEmpty(iso)) return None;
        return iso.Length >= 10 && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? string.Create(CultureInfo.InvariantCulture, $"{day.Day} {Months[day.Month - 1]} {day.Year}")
            : iso;
    }

    private static string ZoneLabel(TimeSpan offset) => offset == TimeSpan.Zero
        ? "UTC"
        : string.Create(CultureInfo.InvariantCulture, $"UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset.Duration().Hours:00}:{offset.Duration().Minutes:00}");

    public static string Hours(decimal? hours) => hours is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) + "h" : None;

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / (1024d * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " GB",
    };

    public static string Role(int? roleType) => roleType switch
    {
        1 => "Administrator",
        2 => "Normal User",
        3 => "Reporter",
        4 => "Viewer",
        5 => "Guest Reporter",
        6 => "Guest Viewer",
        null => None,
        var n => $"Role({n})",
    };

    public static string OrNone(string? text) => string.IsNullOrEmpty(text) ? None : text;

    public static string Join(IEnumerable<string?>? names) =>
        names is null ? "" : string.Join(", ", names.Where(n => !string.IsNullOrEmpty(n)));
}
