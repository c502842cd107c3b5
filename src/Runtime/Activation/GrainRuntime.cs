using KnovvuOrleans.Runtime.Hosting;
using KnovvuOrleans.Runtime.Reminders;
using KnovvuOrleans.Runtime.Storage;
using KnovvuOrleans.Runtime.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>
/// The silo's core: finds or creates the activation for a call, queues the call as a turn and applies the call
/// timeout; commits state and stream events through the store.
/// </summary>
internal sealed class GrainRuntime
{
    private volatile bool _killed;

    public GrainRuntime(
        IOptions<GrainRuntimeOptions> options,
        GrainTypeRegistry registry,
        IRuntimeStore store,
        TimeProvider time,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
    {
        Options = options.Value;
        if (Options.PartitionCount <= 0 || Options.CallTimeout <= TimeSpan.Zero || Options.RelayBatchSize <= 0)
        {
            throw new OptionsValidationException(nameof(GrainRuntimeOptions), typeof(GrainRuntimeOptions),
                ["PartitionCount, CallTimeout and RelayBatchSize must be positive."]);
        }

        Registry = registry;
        Store = store;
        Time = time;
        Services = services;
        Logger = loggerFactory.CreateLogger("KnovvuOrleans.Runtime");
        Catalog = new GrainCatalog(this);
        Client = new ClusterClient(this);
        Reminders = new ReminderService(this);
        Relay = new OutboxRelay(this);
    }

    public GrainRuntimeOptions Options { get; }

    public GrainTypeRegistry Registry { get; }

    public IRuntimeStore Store { get; }

    public TimeProvider Time { get; }

    public IServiceProvider Services { get; }

    public ILogger Logger { get; }

    public GrainCatalog Catalog { get; }

    public ClusterClient Client { get; }

    public ReminderService Reminders { get; }

    public OutboxRelay Relay { get; }

    /// <summary>Set by the relay: woken when a commit appends events.</summary>
    public Action? EventsCommitted { get; set; }

    public bool IsKilled => _killed;

    public int PartitionOf(GrainId grainId) => Partitioning.PartitionOf(grainId.ToString(), Options.PartitionCount);

    public int PartitionOf(StreamId streamId) => Partitioning.PartitionOf(streamId.ToString(), Options.PartitionCount);

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    public async Task<object?> InvokeAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        var call = InvokeCoreAsync(grainId, method, arguments);
        try
        {
            return await call.WaitAsync(Options.CallTimeout, Time);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw new GrainCallTimeoutException(grainId, method.Name, Options.CallTimeout);
        }
    }

    private async Task<object?> InvokeCoreAsync(GrainId grainId, GrainMethod method, object?[] arguments)
    {
        ThrowIfKilled();
        var item = WorkItem.Call(method.Name, grain => method.InvokeAsync(grain, arguments));
        while (true)
        {
            var activation = Catalog.GetOrActivate(grainId);
            if (method.AlwaysInterleave)
            {
                return await activation.InvokeInterleavedAsync(method, arguments);
            }

            if (activation.TryEnqueue(item))
            {
                return await item.Completion;
            }

            await activation.Completion;
            ThrowIfKilled();
        }
    }

    /// <summary>Writes state and appends events in one transaction, then wakes the relay.</summary>
    public async Task<string?> CommitAsync(StateWrite? write, IReadOnlyList<OutboxEvent> events)
    {
        ThrowIfKilled();
        var etag = await Store.CommitAsync(write, events, CancellationToken.None);
        if (events.Count > 0)
        {
            EventsCommitted?.Invoke();
        }

        return etag;
    }

    /// <summary>Stops acting at once, as a crashed process would: nothing more is committed.</summary>
    public void Kill()
    {
        _killed = true;
        var killed = new InvalidOperationException("The silo was killed.");
        foreach (var activation in Catalog.Activations)
        {
            activation.Abandon(killed);
        }
    }

    public void ThrowIfKilled()
    {
        if (_killed)
        {
            throw new InvalidOperationException("The silo was killed.");
        }
    }
}
