using System.Collections.Concurrent;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.GenesysCloud.Tests;

public interface ICallRecorderGrain : IGrainWithStringKey, IAsyncBatchObserver<GenesysCallEnded>;

/// <summary>Stands where the importer will: receives the Genesys calls stream and records what arrived.</summary>
[ImplicitStreamSubscription(GenesysCallsStream.Namespace)]
public sealed class CallRecorderGrain(RecordedCalls calls) : Grain, ICallRecorderGrain
{
    public Task OnNextAsync(IList<SequentialItem<GenesysCallEnded>> items)
    {
        foreach (var item in items)
        {
            calls.Add(item.Item, item.Token.EventId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Every delivery with its stream event id: a redelivery repeats the id, a second report of a call would not.</summary>
public sealed class RecordedCalls
{
    private readonly ConcurrentQueue<(GenesysCallEnded Call, Guid EventId)> _deliveries = new();

    public IReadOnlyCollection<GenesysCallEnded> All => _deliveries.Select(d => d.Call).ToList();

    public IReadOnlyCollection<Guid> EventIdsOf(string conversationId) =>
        _deliveries.Where(d => d.Call.ConversationId == conversationId).Select(d => d.EventId).Distinct().ToList();

    public void Add(GenesysCallEnded call, Guid eventId) => _deliveries.Enqueue((call, eventId));
}
