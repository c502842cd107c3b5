using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Runtime.Bench;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<int> Echo(int value);
}

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<int> Echo(int value) => Task.FromResult(value);
}

public interface IWriterGrain : IGrainWithStringKey
{
    Task Write(int times);

    Task Publish(int events);
}

public sealed class WriterState
{
    public long Count { get; set; }

    public string Payload { get; set; } = "";
}

public sealed record BenchEvent(int Number, string Payload);

public sealed class WriterGrain([PersistentState("writer")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task Write(int times)
    {
        for (var i = 0; i < times; i++)
        {
            state.State.Count++;
            state.State.Payload = new string('x', 200);
            await state.WriteStateAsync();
        }
    }

    public async Task Publish(int events)
    {
        var stream = GetStreamProvider("default").GetStream<BenchEvent>(StreamId.Create(RelaySink.Namespace, GetPrimaryKeyString()));
        await stream.OnNextBatchAsync(Enumerable.Range(0, events).Select(n => new BenchEvent(n, new string('x', 200))));
    }
}

public interface IRelaySinkGrain : IGrainWithStringKey, IAsyncBatchObserver<BenchEvent>;

[ImplicitStreamSubscription(Namespace)]
public sealed class RelaySink(RelayCounter counter) : Grain, IRelaySinkGrain
{
    public const string Namespace = "bench";

    public Task OnNextAsync(IList<SequentialItem<BenchEvent>> items)
    {
        counter.Add(items.Count);
        return Task.CompletedTask;
    }
}

public sealed class RelayCounter
{
    private long _delivered;

    public long Delivered => Interlocked.Read(ref _delivered);

    public void Add(int count) => Interlocked.Add(ref _delivered, count);

    public void Reset() => Interlocked.Exchange(ref _delivered, 0);
}
