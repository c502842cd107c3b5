namespace KnovvuOrleans.Grains.DataFeeder;

/// <summary>
/// Delivers Data Feeder events to one kind of destination (Kafka now); another destination is one new implementation.
/// Implementations are shared by all tenants and safe to call concurrently.
/// </summary>
public interface IDataFeederConnector
{
    /// <summary>
    /// Delivers every record, in order per <see cref="DataFeederRecord.Key"/>, and returns once the destination has
    /// acknowledged all of them. Throws <see cref="DataFeederPublishException"/> if any was not acknowledged; some may
    /// have been delivered anyway, so the caller publishes the same batch again and consumers drop repeats by
    /// <see cref="DataFeederRecord.EventId"/>.
    /// </summary>
    Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken);
}
