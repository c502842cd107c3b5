using Orleans;
namespace KnovvuOrleans.Grains.Abstractions.DataFeeder;

/// <summary>The <c>payload</c> of one Data Feeder event type; the type decides the message's <c>eventType</c>.</summary>
[Alias("knovvu.IDataFeederPayload")]
public interface IDataFeederPayload
{
    /// <summary>One of <see cref="DataFeederEventTypes.All"/>.</summary>
    static abstract string EventType { get; }
}
