using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Orleans.Configuration;

namespace KnovvuOrleans.Orleans.Tests;

/// <summary>
/// The OrleansQuery keys the referenced ADO.NET provider assemblies ask for, read from their string literals (the
/// metadata's user-string heap), so a provider upgrade that needs a new query fails the tests instead of a silo start.
/// </summary>
public static partial class ProviderQueryKeys
{
    // Literals shaped like a key that are not query keys: the OrleansQuery column the providers read, and the
    // configuration key that names a grain storage serializer.
    private static readonly HashSet<string> NotQueryKeys = ["QueryKey", "SerializerKey"];

    private static readonly Assembly[] ProviderAssemblies =
    [
        typeof(AdoNetClusteringSiloOptions).Assembly,
        typeof(AdoNetGrainStorageOptions).Assembly,
        typeof(AdoNetReminderTableOptions).Assembly,
    ];

    public static IReadOnlySet<string> AskedFor() =>
        ProviderAssemblies.SelectMany(UserStrings).Where(s => KeyShape().IsMatch(s) && !NotQueryKeys.Contains(s)).ToHashSet();

    private static IEnumerable<string> UserStrings(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = metadata.GetNextHandle(default(UserStringHandle)); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            strings.Add(metadata.GetUserString(handle));
        }

        return strings;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*Key$")]
    private static partial Regex KeyShape();
}
