using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>A grain that keeps a value in the product's default grain storage, ticks a reminder and says where it runs.</summary>
[Alias("knovvu.tests.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("SiloAsync")]
    Task<string> SiloAsync();

    [Alias("WriteAsync")]
    Task WriteAsync(string value);

    [Alias("ReadAsync")]
    Task<string?> ReadAsync();

    [Alias("StartTickingAsync")]
    Task StartTickingAsync(TimeSpan period);
}

public sealed class ProbeState
{
    public string? Value { get; set; }
}

public sealed class ProbeGrain([PersistentState(ProbeGrain.StateName)] IPersistentState<ProbeState> state, ILocalSiloDetails silo)
    : Grain, IProbeGrain, IRemindable
{
    public const string StateName = "probe";

    public Task<string> SiloAsync() => Task.FromResult(silo.SiloAddress.ToString());

    public async Task WriteAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string?> ReadAsync() => Task.FromResult(state.State.Value);

    public Task StartTickingAsync(TimeSpan period) => this.RegisterOrUpdateReminder("tick", period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record(this.GetPrimaryKeyString(), silo.SiloAddress.ToString());
        return Task.CompletedTask;
    }
}
