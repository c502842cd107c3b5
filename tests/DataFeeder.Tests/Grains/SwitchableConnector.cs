using KnovvuOrleans.Grains.DataFeeder;

namespace KnovvuOrleans.DataFeeder.Tests.Grains;

/// <summary>
/// A connector that fails every publish while <see cref="Failing"/>, as an unreachable destination does: the relay keeps
/// offering the events again, so the publisher grain reads the tenant's settings afresh at each attempt.
/// </summary>
internal sealed class SwitchableConnector(IDataFeederConnector inner) : IDataFeederConnector
{
    private int _published;

    public volatile bool Failing;

    /// <summary>Records handed to the real connector and acknowledged.</summary>
    public int Published => Volatile.Read(ref _published);

    public async Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new DataFeederPublishException("The destination is switched off by the test.");
        }

        await inner.PublishAsync(destination, records, cancellationToken);
        Interlocked.Add(ref _published, records.Count);
    }
}
