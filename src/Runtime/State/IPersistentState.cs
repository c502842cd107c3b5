namespace KnovvuOrleans.Runtime;

/// <summary>
/// A grain's durable state (Orleans' <c>IPersistentState&lt;T&gt;</c>). It is read before
/// <see cref="Grain.OnActivateAsync"/>; <see cref="WriteStateAsync"/> writes it immediately, together with the
/// stream events the current turn published so far, in one transaction, and fails with
/// <see cref="InconsistentStateException"/> when the stored ETag is no longer the one read.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    Task ClearStateAsync();
}
