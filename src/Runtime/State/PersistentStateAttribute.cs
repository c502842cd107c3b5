namespace KnovvuOrleans.Runtime;

/// <summary>
/// Put on a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to have the runtime
/// supply the named state. The storage name is kept for source compatibility with Orleans; a silo has one store.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    public string? StorageName { get; } = storageName;
}
