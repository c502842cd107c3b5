using System.Globalization;
using KnovvuOrleans.Grains.Abstractions.Tenants;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>The Data Feeder stream: one per tenant shard, so a tenant's backlog or failing topic holds up only itself.</summary>
public static class DataFeederStream
{
    public const string Namespace = "datafeeder";

    public const int ShardsPerTenant = 4;

    /// <summary>The stream key of a conversation: all of its events share one, which keeps them in order.</summary>
    public static string KeyFor(string tenantId, string externalId) =>
        TenantKey.For(tenantId, StableHash.BucketOf(externalId, ShardsPerTenant).ToString(CultureInfo.InvariantCulture));

    /// <summary>The tenant of a stream key (also the publisher grain's key).</summary>
    public static string TenantOf(string streamKey) => TenantKey.TenantOf(streamKey);
}
