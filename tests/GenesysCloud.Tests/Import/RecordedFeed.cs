using System.Collections.Concurrent;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.DataFeeder;

namespace KnovvuOrleans.GenesysCloud.Tests.Import;

/// <summary>Stands where Kafka would: keeps every Data Feeder record published, repeats included.</summary>
public sealed class RecordedFeed : IDataFeederConnector
{
    private readonly ConcurrentQueue<DataFeederRecord> _records = new();

    /// <summary>The distinct event ids of each conversation's Created events: a redelivery repeats an id, a second Created would not.</summary>
    public IReadOnlyDictionary<string, int> CreatedEventIdsByConversation =>
        _records.Where(r => r.EventType == DataFeederEventTypes.ConversationCreated)
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.Select(r => r.EventId).Distinct().Count());

    /// <summary>The body of the conversation's first Created record (seed 002's JSON), null while there is none.</summary>
    public string? CreatedBodyOf(string conversationId) =>
        _records.FirstOrDefault(r => r.EventType == DataFeederEventTypes.ConversationCreated && r.Key == conversationId) is { } record
            ? System.Text.Encoding.UTF8.GetString(record.Body)
            : null;

    public Task PublishAsync(DataFeederDestination destination, IReadOnlyList<DataFeederRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            _records.Enqueue(record);
        }

        return Task.CompletedTask;
    }
}
