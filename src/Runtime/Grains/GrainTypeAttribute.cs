namespace KnovvuOrleans.Runtime;

/// <summary>
/// The stable name of a grain class, used in stored state, reminders and routing. Without it the name is the
/// class name, lower-cased, without a trailing "Grain"; set it so that renaming the class keeps the data.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
