using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using Orleans.Runtime;

namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>The topic owners: ownership key → tenant id, written before any answer says a claim succeeded.</summary>
[GrainType("datafeeder-topics")]
public sealed class DataFeederTopicsGrain([PersistentState("topics")] IPersistentState<DataFeederTopicsState> topics)
    : Grain, IDataFeederTopicsGrain
{
    public async Task<string> Claim(string topic, string tenantId)
    {
        var key = DataFeederTopicNames.OwnershipKey(topic);
        if (topics.State.Owners.TryGetValue(key, out var owner))
        {
            return owner;
        }

        topics.State.Owners[key] = tenantId;
        await topics.WriteStateAsync();
        return tenantId;
    }
}
