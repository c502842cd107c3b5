using System.Buffers;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>Kafka's own rule for topic names: 1–249 characters of a-z, A-Z, 0-9, '.', '_', '-', and not "." or "..".</summary>
public static class KafkaTopicName
{
    public const int MaxLength = 249;

    public const string Rule = "1-249 characters of a-z, A-Z, 0-9, '.', '_' and '-', other than \".\" and \"..\"";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } and not ("." or "..")
        && !value.AsSpan().ContainsAnyExcept(Allowed);
}
