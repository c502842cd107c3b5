using System.Reflection;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>
/// The proxy behind a grain interface (what Orleans generates at build time): every interface call becomes a grain
/// call through the runtime.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainRuntime _runtime = null!;

    public GrainId GrainId { get; private set; }

    internal static TGrainInterface Create<TGrainInterface>(GrainRuntime runtime, GrainId grainId)
        where TGrainInterface : IGrainWithStringKey
    {
        var proxy = Create<TGrainInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy;
        reference._runtime = runtime;
        reference.GrainId = grainId;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = GrainMethod.For(targetMethod!);
        return method.ToReturnTask(_runtime.InvokeAsync(GrainId, method, args ?? []));
    }

    public override string ToString() => GrainId.ToString();
}
