namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>Where a tenant's events go: its Kafka topic, from the tenant's Data Feeder settings.</summary>
public sealed record DataFeederDestination
{
    public DataFeederDestination(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Topic = topic;
    }

    public string Topic { get; }
}
