using Orleans;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>Writes the first version of a state type, whose stored row a later, renamed type must still read.</summary>
[Alias("knovvu.tests.IVersionedStateGrain")]
public interface IVersionedStateGrain : IGrainWithStringKey
{
    [Alias("WriteAsync")]
    Task WriteAsync(ProbeStateV1 state);
}

[GenerateSerializer, Alias("knovvu.tests.ProbeStateV1")]
public sealed record ProbeStateV1(string Name, int Visits, IReadOnlyList<string> Tags);

/// <summary>The same shape as <see cref="ProbeStateV1"/> under another name, as after a rename or a move.</summary>
public sealed record RenamedProbeState(string Name, int Visits, IReadOnlyList<string> Tags);

public sealed class VersionedStateGrain([PersistentState(VersionedStateGrain.StateName)] IPersistentState<ProbeStateV1> state)
    : Grain, IVersionedStateGrain
{
    public const string StateName = "versioned";

    public async Task WriteAsync(ProbeStateV1 value)
    {
        state.State = value;
        await state.WriteStateAsync();
    }
}
