using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// Which tenant each Data Feeder topic belongs to (one per cluster, key <see cref="Key"/>). The first tenant to claim a
/// topic owns it for good: a topic that held a tenant's events never receives another tenant's. Names are compared by
/// <see cref="DataFeederTopicNames.OwnershipKey"/>.
/// </summary>
[Alias("knovvu.IDataFeederTopicsGrain")]
public interface IDataFeederTopicsGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>Claims the topic for the tenant unless another tenant owns it; returns the owner after the call.</summary>
    [Alias("Claim")]
    Task<string> Claim(string topic, string tenantId);
}
