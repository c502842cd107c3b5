using System.Buffers;
using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Grains.Abstractions.Tenants;

/// <summary>
/// The tenant id rule: 1–63 lowercase letters, digits or '-', starting with a letter or digit. Every grain key of a
/// tenant starts with it, and it appears in URLs, so nothing else (no path characters) is allowed.
/// </summary>
public static class TenantId
{
    public const int MaxLength = 63;

    public const string Rule = "1-63 characters: lowercase letters a-z, digits and '-', starting with a letter or digit";

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength }
        && value[0] != '-'
        && !value.AsSpan().ContainsAnyExcept(Allowed);

    public static void Validate(ValidationErrors errors, string field, string? value)
    {
        if (!IsValid(value))
        {
            errors.Add(field, $"{field} must be {Rule}.");
        }
    }
}
