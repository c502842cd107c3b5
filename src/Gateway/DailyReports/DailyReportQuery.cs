using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.DailyReports;

/// <summary>
/// The route's day, hour and format, checked: the day a real yyyy-MM-dd date before today (UTC), the hour 0–23 in
/// digits, compressed true or false (true when left out: the stored form).
/// </summary>
internal sealed record DailyReportQuery(DateOnly Day, int Hour, bool Compressed)
{
    public static (DailyReportQuery? Query, ValidationErrors Errors) Parse(string utcDay, string utcHour, string? compressed, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (!DateOnly.TryParseExact(utcDay, DailyReportChunkName.DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add("utcDay", "utcDay must be a date as yyyy-MM-dd.");
        }
        else if (day >= today)
        {
            errors.Add("utcDay", "utcDay must be a day before today (UTC); its report is complete only after the day ends.");
        }

        if (utcHour.Length is < 1 or > 2 || !utcHour.All(char.IsAsciiDigit) || int.Parse(utcHour, CultureInfo.InvariantCulture) > 23)
        {
            errors.Add("utcHour", "utcHour must be a whole number from 0 to 23.");
        }

        bool? zipped = compressed switch
        {
            null => true,
            _ when bool.TryParse(compressed, out var value) => value,
            _ => null,
        };
        if (zipped is null)
        {
            errors.Add("compressed", "compressed must be true or false.");
        }

        return errors.IsEmpty ? (new DailyReportQuery(day, int.Parse(utcHour, CultureInfo.InvariantCulture), zipped!.Value), errors) : (null, errors);
    }
}
