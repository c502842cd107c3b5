using System.Collections;
using System.Reflection;

namespace KnovvuOrleans.Deployment.Tests;

/// <summary>
/// The configuration keys the product binds: every class with a <c>public const string SectionName</c> in the
/// product's assemblies, its settable properties, and nested option objects (Runtime:Cluster) by their properties.
/// Names compare case-insensitively, as the configuration binder does.
/// </summary>
public sealed class OptionsCatalog
{
    private readonly List<(string[] Section, Type Options)> _sections;

    public OptionsCatalog(IEnumerable<Assembly> assemblies) =>
        _sections = assemblies
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (((string)x.Field!.GetRawConstantValue()!).Split(':'), x.Type))
            .ToList();

    public IEnumerable<string> SectionNames => _sections.Select(s => string.Join(':', s.Section));

    /// <summary>Null when <paramref name="variable"/> (Section__Property, nested by __) binds; otherwise why not.</summary>
    public string? Explain(string variable)
    {
        var path = variable.Split("__");
        var matches = _sections
            .Where(s => s.Section.Length < path.Length && s.Section.SequenceEqual(path[..s.Section.Length], StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Section.Length)
            .ToList();
        if (matches.Count == 0)
        {
            return $"{variable}: no options class has the section {path[0]} (sections: {string.Join(", ", SectionNames)})";
        }

        // A longer section (KnovvuAnalytics:Client) wins over a shorter one that would also match.
        var (section, type) = matches[0];
        return ExplainProperty(variable, type, path[section.Length..]);
    }

    private static string? ExplainProperty(string variable, Type type, string[] rest)
    {
        var property = type.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is not { CanWrite: true } && !(property?.PropertyType is { } t && IsDictionary(t)))
        {
            return $"{variable}: {type.Name} has no settable property {rest[0]}";
        }

        if (rest.Length == 1)
        {
            return IsScalar(property.PropertyType) ? null : $"{variable}: {type.Name}.{property.Name} is not a single value";
        }

        // Dictionaries take any key (DataFeeder__Kafka__Settings__security.protocol); lists an index
        // (KnovvuAnalytics__Urls__PlainHttpHosts__0).
        if (IsDictionary(property.PropertyType))
        {
            return null;
        }

        if (ElementOf(property.PropertyType) is { } element)
        {
            return rest.Length == 2 && int.TryParse(rest[1], out var index) && index >= 0 && IsScalar(element)
                ? null
                : $"{variable}: {type.Name}.{property.Name} is a list of single values, set by index";
        }

        return ExplainProperty(variable, property.PropertyType, rest[1..]);
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type);

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
        : null;

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri);
    }
}
