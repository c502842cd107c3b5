using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.KnovvuAnalytics;

/// <summary>The body of POST .../knovvu-analytics/parked/retry: the sessions to offer again; none named: all of them.</summary>
public sealed record CaParkedRetryRequest(IReadOnlyList<string>? ExternalIds = null)
{
    public const int MaxExternalIds = 1000;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (ExternalIds is null)
        {
            return errors;
        }

        if (ExternalIds.Count is 0 or > MaxExternalIds)
        {
            errors.Add("externalIds", $"externalIds holds 1 to {MaxExternalIds} ids; leave it out to offer every parked session again.");
            return errors;
        }

        for (var i = 0; i < ExternalIds.Count; i++)
        {
            EntityId.Validate(errors, $"externalIds[{i}]", ExternalIds[i]);
        }

        return errors;
    }
}
