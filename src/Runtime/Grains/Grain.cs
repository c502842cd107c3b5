using KnovvuOrleans.Runtime.Activation;

namespace KnovvuOrleans.Runtime;

/// <summary>
/// Base class of every grain. The runtime creates it for the first call to its id and deactivates it when idle;
/// its methods run one turn at a time.
/// </summary>
public abstract class Grain
{
    private readonly ActivationData _activation;

    protected Grain()
    {
        _activation = ActivationData.Constructing
            ?? throw new InvalidOperationException("Grains are created by the runtime: use IGrainFactory.GetGrain.");
    }

    public GrainId GrainId => _activation.GrainId;

    public string IdentityString => _activation.GrainId.ToString();

    protected IGrainFactory GrainFactory => _activation.Runtime.Client;

    protected IServiceProvider ServiceProvider => _activation.Runtime.Services;

    public string GetPrimaryKeyString() => _activation.GrainId.Key;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the calls already queued have run.</summary>
    protected void DeactivateOnIdle() => _activation.Deactivate(DeactivationReason.ApplicationRequested);

    protected IStreamProvider GetStreamProvider(string name) => _activation.Runtime.Client.GetStreamProvider(name);

    /// <summary>
    /// Registers (or replaces) a durable reminder: first tick after <paramref name="dueTime"/>, then every
    /// <paramref name="period"/>, delivered to <see cref="IRemindable.ReceiveReminder"/>.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        _activation.Runtime.Reminders.RegisterAsync(this, reminderName, dueTime, period);

    protected Task UnregisterReminder(IGrainReminder reminder) =>
        _activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder.ReminderName);

    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        _activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    /// <summary>
    /// Keeps this grain activated on whichever silo owns it, also after failover, until unregistered (not an
    /// Orleans API: it is how background work that must run on exactly one silo follows ownership here).
    /// </summary>
    protected Task RegisterKeepAlive() => _activation.Runtime.SetKeepAliveAsync(_activation, true);

    protected Task UnregisterKeepAlive() => _activation.Runtime.SetKeepAliveAsync(_activation, false);

    /// <summary>
    /// Runs work outside turns while this activation lives, cancelled when it deactivates or its silo loses it.
    /// With <see cref="RegisterKeepAlive"/> it runs on exactly one silo at a time.
    /// </summary>
    protected void StartBackgroundWork(Func<CancellationToken, Task> work) => _activation.StartBackgroundWork(work);
}
