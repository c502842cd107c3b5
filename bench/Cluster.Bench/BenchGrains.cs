using Orleans.Placement;

namespace KnovvuOrleans.Cluster.Bench;

/// <summary>The call target: as cheap as a grain call can be, so the figures measure the call path alone.</summary>
[Alias("knovvu.IEchoGrain")]
public interface IEchoGrain : IGrainWithStringKey
{
    [Alias("Echo")]
    Task<int> Echo(int value);
}

/// <summary>Activated on the silo of its first caller, which is how the bench puts targets on the silo it wants.</summary>
[PreferLocalPlacement]
public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<int> Echo(int value) => Task.FromResult(value);
}

/// <summary>Calls echo grains from inside a silo, as grains of the product call each other.</summary>
[Alias("knovvu.ICallerGrain")]
public interface ICallerGrain : IGrainWithStringKey
{
    /// <summary>Calls each target once: a target not active yet is activated on this caller's silo.</summary>
    [Alias("Touch")]
    Task Touch(IReadOnlyList<string> targets);

    /// <summary>Makes <paramref name="calls"/> calls spread over the targets, <paramref name="concurrency"/> in flight.</summary>
    [Alias("Call")]
    Task Call(IReadOnlyList<string> targets, int calls, int concurrency);
}

[PreferLocalPlacement]
public sealed class CallerGrain : Grain, ICallerGrain
{
    public Task Touch(IReadOnlyList<string> targets) =>
        Task.WhenAll(targets.Select(t => GrainFactory.GetGrain<IEchoGrain>(t).Echo(0)));

    public Task Call(IReadOnlyList<string> targets, int calls, int concurrency)
    {
        var grains = targets.Select(t => GrainFactory.GetGrain<IEchoGrain>(t)).ToArray();
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                await grains[i % grains.Length].Echo(i);
            }
        }));
    }
}

[GenerateSerializer]
[Alias("knovvu.WriterState")]
public sealed class WriterState
{
    [Id(0)]
    public string Payload { get; set; } = "";
}

/// <summary>Writes its persistent state over and over, on the silo's default storage.</summary>
[Alias("knovvu.IWriterGrain")]
public interface IWriterGrain : IGrainWithStringKey
{
    /// <summary>Writes the state <paramref name="times"/> times in a row, each a payload of <paramref name="payloadLength"/> characters.</summary>
    [Alias("Write")]
    Task Write(int times, int payloadLength);
}

public sealed class WriterGrain([PersistentState("bench")] IPersistentState<WriterState> state) : Grain, IWriterGrain
{
    public async Task Write(int times, int payloadLength)
    {
        for (var i = 0; i < times; i++)
        {
            // A different payload each time, so no layer below can skip a write as unchanged.
            state.State.Payload = i.ToString().PadLeft(payloadLength, 'x');
            await state.WriteStateAsync();
        }
    }
}
