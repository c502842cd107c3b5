using KnovvuOrleans.Runtime.Storage;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>
/// The turn running on the current async flow: holds the stream events published during it until they are
/// committed with a state write or at the end of the turn.
/// </summary>
internal sealed class TurnContext(ActivationData activation)
{
    private static readonly AsyncLocal<TurnContext?> CurrentTurn = new();
    private List<OutboxEvent> _pending = [];

    public static TurnContext? Current
    {
        get => CurrentTurn.Value;
        set => CurrentTurn.Value = value;
    }

    public ActivationData Activation { get; } = activation;

    public void Publish(IEnumerable<OutboxEvent> events) => _pending.AddRange(events);

    /// <summary>Hands the pending events to a commit; <see cref="Restore"/> gives them back if it fails.</summary>
    public IReadOnlyList<OutboxEvent> Take()
    {
        var taken = _pending;
        _pending = [];
        return taken;
    }

    public void Restore(IReadOnlyList<OutboxEvent> events) => _pending.InsertRange(0, events);

    public Task CommitRemainingAsync() =>
        _pending.Count == 0 ? Task.CompletedTask : Activation.Runtime.CommitAsync(null, Take(), Activation);
}
