using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Runtime.Tests.Grains;

public sealed record TestEvent(string Key, int Number);

/// <summary>Publishes numbered events on the stream (test-events, its key); the state remembers the last number.</summary>
public interface IPublisherGrain : IGrainWithStringKey
{
    Task Publish(int count);

    Task PublishThenThrow();

    Task<int> LastNumber();
}

public sealed class PublisherState
{
    public int Last { get; set; }
}

public sealed class PublisherGrain([PersistentState("publisher")] IPersistentState<PublisherState> state) : Grain, IPublisherGrain
{
    public const string Namespace = "test-events";

    private IAsyncStream<TestEvent> Stream =>
        GetStreamProvider("default").GetStream<TestEvent>(StreamId.Create(Namespace, GetPrimaryKeyString()));

    public async Task Publish(int count)
    {
        var events = Enumerable.Range(state.State.Last + 1, count).Select(n => new TestEvent(GetPrimaryKeyString(), n)).ToList();
        await Stream.OnNextBatchAsync(events);
        state.State.Last += count;
        await state.WriteStateAsync();
    }

    public async Task PublishThenThrow()
    {
        state.State.Last++;
        await Stream.OnNextAsync(new TestEvent(GetPrimaryKeyString(), state.State.Last));
        throw new InvalidOperationException("failed after publishing");
    }

    public Task<int> LastNumber() => Task.FromResult(state.State.Last);
}
