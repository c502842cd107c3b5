using Orleans;
using Orleans.Runtime;

namespace KnovvuOrleans.Orleans.Tests.Cluster;

/// <summary>A grain that keeps a value in the "Default" ADO.NET storage, ticks a reminder and says where it runs.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task<string> SiloAsync();

    Task WriteAsync(string value);

    Task<string?> ReadAsync();

    Task StartTickingAsync(TimeSpan period);
}

public sealed class ProbeState
{
    public string? Value { get; set; }
}

public sealed class ProbeGrain(
    [PersistentState("probe", PostgresConfigurators.StorageName)] IPersistentState<ProbeState> state,
    ILocalSiloDetails silo) : Grain, IProbeGrain, IRemindable
{
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
