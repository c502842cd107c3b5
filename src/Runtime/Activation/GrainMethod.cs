using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace KnovvuOrleans.Runtime.Activation;

/// <summary>
/// A grain interface method compiled once into delegates: invoke it on a grain, take its boxed result, and turn a
/// boxed result back into the typed task the caller awaits. Only Task and Task&lt;T&gt; returns are allowed.
/// </summary>
internal sealed class GrainMethod
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethod> Cache = new();

    private readonly Func<object, object?[], Task> _invoke;
    private readonly Func<Task, object?>? _result;
    private readonly Func<Task<object?>, object>? _typedTask;

    private GrainMethod(MethodInfo method)
    {
        Validate(method);
        Method = method;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        AlwaysInterleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null;

        var target = Expression.Parameter(typeof(object));
        var args = Expression.Parameter(typeof(object?[]));
        var call = Expression.Call(
            Expression.Convert(target, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) =>
                Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType)));
        _invoke = Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), target, args).Compile();

        if (method.ReturnType.IsGenericType)
        {
            var resultType = ResultType = method.ReturnType.GetGenericArguments()[0];
            var task = Expression.Parameter(typeof(Task));
            var result = Expression.Property(Expression.Convert(task, method.ReturnType), "Result");
            _result = Expression.Lambda<Func<Task, object?>>(Expression.Convert(result, typeof(object)), task).Compile();
            _typedTask = typeof(GrainMethod).GetMethod(nameof(Unbox), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(resultType).CreateDelegate<Func<Task<object?>, object>>();
        }
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public bool AlwaysInterleave { get; }

    /// <summary>T of a Task&lt;T&gt; method; null for a plain Task.</summary>
    public Type? ResultType { get; }

    public static GrainMethod For(MethodInfo method) => Cache.GetOrAdd(method, m => new GrainMethod(m));

    public static void Validate(MethodInfo method)
    {
        var returns = method.ReturnType;
        if (returns != typeof(Task) && !(returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>)))
        {
            throw new InvalidOperationException(
                $"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
        }
    }

    /// <summary>Runs the method on the grain and returns its result, boxed (null for a plain Task).</summary>
    public async Task<object?> InvokeAsync(object grain, object?[] arguments)
    {
        var task = _invoke(grain, arguments);
        await task;
        return _result?.Invoke(task);
    }

    /// <summary>Turns the boxed result task into the Task or Task&lt;T&gt; the interface method returns.</summary>
    public object ToReturnTask(Task<object?> boxed) => _typedTask is null ? boxed : _typedTask(boxed);

    private static async Task<T> Unbox<T>(Task<object?> boxed) => (T)(await boxed)!;
}
