namespace KnovvuOrleans.Runtime;

/// <summary>
/// Subscribes a grain class to every stream of a namespace: the events of stream (namespace, key) go to the grain
/// of this class with that key, through its <see cref="IAsyncBatchObserver{T}"/> implementation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ImplicitStreamSubscriptionAttribute(string streamNamespace) : Attribute
{
    public string Namespace { get; } = streamNamespace;
}
