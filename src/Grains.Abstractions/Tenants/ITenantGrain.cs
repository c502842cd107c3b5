using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>One tenant's profile and feature settings; the key is the tenant id.</summary>
[Alias("knovvu.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant with default features; false when it exists already (then nothing changes).</summary>
    [Alias("Create")]
    Task<bool> Create(string name);

    /// <summary>Null when the tenant does not exist.</summary>
    [Alias("GetProfile")]
    Task<TenantProfile?> GetProfile();

    /// <summary>The new profile; null when the tenant does not exist.</summary>
    [Alias("Rename")]
    Task<TenantProfile?> Rename(string name);

    /// <summary>Null when the tenant does not exist.</summary>
    [Alias("GetFeatures")]
    Task<TenantFeatures?> GetFeatures();

    /// <summary>
    /// Replaces the features; null when the tenant does not exist. Invalid features throw
    /// <see cref="Validation.InvalidSettingsException"/> and change nothing; a Data Feeder topic of another tenant throws
    /// <see cref="DataFeeder.TopicTakenException"/> and changes nothing (the topic is claimed for this tenant otherwise).
    /// </summary>
    [Alias("UpdateFeatures")]
    Task<TenantFeatures?> UpdateFeatures(TenantFeatures features);
}
