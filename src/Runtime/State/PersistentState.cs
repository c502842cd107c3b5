using System.Text.Json;
using KnovvuOrleans.Runtime.Activation;
using KnovvuOrleans.Runtime.Storage;

namespace KnovvuOrleans.Runtime;

/// <summary>The runtime's <see cref="IPersistentState{TState}"/>: JSON in the store, ETag-checked writes.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationState
{
    private readonly string _name;
    private readonly ActivationData _activation;

    public PersistentState(string name, ActivationData activation)
    {
        _name = name;
        _activation = activation;
        State = Activator.CreateInstance<TState>();
        activation.Register(this);
    }

    public TState State { get; set; }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    private JsonSerializerOptions Json => _activation.Runtime.Options.SerializerOptions;

    public async Task ReadStateAsync()
    {
        var stored = await _activation.Runtime.Store.ReadStateAsync(_activation.GrainId, _name, CancellationToken.None);
        Etag = stored?.Etag;
        RecordExists = stored?.Json is not null;
        State = stored?.Json is { } json
            ? JsonSerializer.Deserialize<TState>(json, Json)!
            : Activator.CreateInstance<TState>();
    }

    public Task WriteStateAsync() => WriteAsync(JsonSerializer.Serialize(State, Json));

    public async Task ClearStateAsync()
    {
        await WriteAsync(null);
        State = Activator.CreateInstance<TState>();
    }

    Task IActivationState.ReadAsync() => ReadStateAsync();

    private async Task WriteAsync(string? json)
    {
        var turn = TurnContext.Current is { } current && current.Activation == _activation ? current : null;
        var events = turn?.Take() ?? [];
        try
        {
            var write = new StateWrite(_activation.GrainId, _name, _activation.Partition, json, Etag);
            Etag = await _activation.Runtime.CommitAsync(write, events, _activation);
            RecordExists = json is not null;
        }
        catch
        {
            turn?.Restore(events);
            throw;
        }
    }
}
