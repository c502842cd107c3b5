using KnovvuOrleans.Grains.DataFeeder;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>A connector that takes a while per publish, so a silo can be killed while a stream is being relayed.</summary>
internal sealed class SlowConnector(IDataFeederConnector inner, TimeSpan delay) : IDataFeederConnector
{
    private int _published;

    /// <summary>Records acknowledged so far, repeats included.</summary>
    public int Published => Volatile.Read(ref _published);

    public async Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        await inner.PublishAsync(destination, records, cancellationToken);
        Interlocked.Add(ref _published, records.Count);
    }
}
