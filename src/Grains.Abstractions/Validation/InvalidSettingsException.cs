namespace KnovvuOrleans.Grains.Abstractions.Validation;

/// <summary>A grain refused a value that breaks its rules; nothing was stored.</summary>
[GenerateSerializer, Alias("knovvu.InvalidSettingsException")]
public sealed class InvalidSettingsException(IReadOnlyDictionary<string, string[]> errors)
    : ArgumentException("Invalid settings: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    [Id(0)]
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
