using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>The features the host operator switches per tenant; the gateway and the Tenant grain both check <see cref="Validate"/>.</summary>
[GenerateSerializer, Alias("knovvu.TenantFeatures")]
public sealed record TenantFeatures(DailyReportSettings DailyReports, DataFeederSettings DataFeeder, VaToCaSettings VaToCa)
{
    public static TenantFeatures Default { get; } = new(
        new DailyReportSettings(false, DailyReportSettings.MinRetentionMonths),
        new DataFeederSettings(false, [], null),
        new VaToCaSettings(VaToCaSettings.DefaultSessionsPerHourCap));

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        // The JSON layer already refuses missing sections; these checks guard other callers of the grain.
        if (DailyReports is null)
        {
            errors.Add("dailyReports", "dailyReports is required.");
        }
        else
        {
            DailyReports.Validate(errors, "dailyReports");
        }

        if (DataFeeder is null)
        {
            errors.Add("dataFeeder", "dataFeeder is required.");
        }
        else
        {
            DataFeeder.Validate(errors, "dataFeeder");
        }

        if (VaToCa is null)
        {
            errors.Add("vaToCa", "vaToCa is required.");
        }
        else
        {
            VaToCa.Validate(errors, "vaToCa");
        }

        return errors;
    }
}
