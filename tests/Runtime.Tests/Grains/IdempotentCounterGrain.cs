using KnovvuOrleans.Runtime;

namespace KnovvuOrleans.Runtime.Tests.Grains;

/// <summary>
/// A counter that applies each (worker, sequence) once: the way a grain makes a method safe to run twice, since a
/// call whose owner died mid-call is retried.
/// </summary>
public interface IIdempotentCounterGrain : IGrainWithStringKey
{
    Task<long> Add(string worker, long sequence);

    Task<long> Get();
}

public sealed class IdempotentCounterState
{
    public long Value { get; set; }

    public Dictionary<string, long> LastSequence { get; set; } = [];
}

public sealed class IdempotentCounterGrain([PersistentState("counter")] IPersistentState<IdempotentCounterState> state)
    : Grain, IIdempotentCounterGrain
{
    public async Task<long> Add(string worker, long sequence)
    {
        if (state.State.LastSequence.GetValueOrDefault(worker) < sequence)
        {
            state.State.Value++;
            state.State.LastSequence[worker] = sequence;
            await state.WriteStateAsync();
        }

        return state.State.Value;
    }

    public Task<long> Get() => Task.FromResult(state.State.Value);
}
