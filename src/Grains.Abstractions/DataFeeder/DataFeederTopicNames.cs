using KnovvuOrleans.Grains.Abstractions.Tenants;

namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>
/// The naming rule of Data Feeder topics: Kafka's own characters (<see cref="KafkaTopicName.Rule"/>), and one owner per
/// name, where names that differ only in letter case or in '.' against '_' are the same name (Kafka's metrics cannot
/// tell '.' from '_', and brokers on case-insensitive file systems cannot tell case apart).
/// </summary>
public static class DataFeederTopicNames
{
    public static string OwnershipKey(string topic) => topic.ToLowerInvariant().Replace('.', '_');
}
