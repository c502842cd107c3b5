using System.Reflection;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>The grain classes a silo hosts: which class implements each grain interface, and who subscribes to what.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];
    private readonly Dictionary<string, GrainClass> _byName = [];
    private readonly Dictionary<string, List<StreamSubscriber>> _subscribers = [];

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
        {
            Register(type);
        }
    }

    public IEnumerable<GrainClass> Classes => _byName.Values;

    public GrainClass ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException(
                $"No grain class implements {grainInterface.FullName}; add its assembly with AddGrains.");

    public GrainClass ForName(string grainType) =>
        _byName.TryGetValue(grainType, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class has the grain type '{grainType}'.");

    public IReadOnlyList<StreamSubscriber> SubscribersOf(string streamNamespace) =>
        _subscribers.TryGetValue(streamNamespace, out var list) ? list : [];

    private void Register(Type type)
    {
        var name = type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(type);
        var grainClass = new GrainClass(name, type);
        if (!_byName.TryAdd(name, grainClass))
        {
            throw new InvalidOperationException($"Grain classes {_byName[name].Type} and {type} share the grain type '{name}'.");
        }

        foreach (var grainInterface in type.GetInterfaces().Where(IsGrainInterface))
        {
            foreach (var method in grainInterface.GetMethods())
            {
                GrainMethod.Validate(method);
            }

            if (!_byInterface.TryAdd(grainInterface, grainClass))
            {
                throw new InvalidOperationException(
                    $"{grainInterface.FullName} is implemented by both {_byInterface[grainInterface].Type} and {type}.");
            }
        }

        foreach (var subscription in type.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>())
        {
            var observers = type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncBatchObserver<>))
                .ToList();
            if (observers.Count != 1)
            {
                throw new InvalidOperationException(
                    $"{type} subscribes to '{subscription.Namespace}' and must implement IAsyncBatchObserver<T> exactly once.");
            }

            var itemType = observers[0].GetGenericArguments()[0];
            if (!_subscribers.TryGetValue(subscription.Namespace, out var list))
            {
                _subscribers[subscription.Namespace] = list = [];
            }

            list.Add(new StreamSubscriber(grainClass, itemType, observers[0].GetMethod(nameof(IAsyncBatchObserver<int>.OnNextAsync))!));
        }
    }

    private static bool IsGrainInterface(Type type) =>
        typeof(IGrainWithStringKey).IsAssignableFrom(type)
        && type != typeof(IGrainWithStringKey) && type != typeof(IGrain) && type != typeof(IAddressable);

    private static string DefaultName(Type type)
    {
        var name = type.Name;
        return (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5 ? name[..^5] : name).ToLowerInvariant();
    }
}

/// <summary>A grain class and its stable grain type name.</summary>
internal sealed record GrainClass(string Name, Type Type);

/// <summary>A grain class implicitly subscribed to a stream namespace.</summary>
internal sealed record StreamSubscriber(GrainClass GrainClass, Type ItemType, MethodInfo Method);
