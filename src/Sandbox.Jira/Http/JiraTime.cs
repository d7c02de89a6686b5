using System.Globalization;

namespace Sandbox.Jira.Http;

/// <summary>Jira's timestamp format: milliseconds and an offset without a colon, in the user's time zone.</summary>
public static class JiraTime
{
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
               + sign + Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture)
               + Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
    }
}
