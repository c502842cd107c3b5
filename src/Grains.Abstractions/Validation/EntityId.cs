using System.Buffers;

namespace KnovvuOrleans.Grains.Abstractions.Validation;

/// <summary>
/// The rule for ids a client chooses (VA projects, channels, conversation external ids): 1–128 letters, digits,
/// '.', '_', ':' or '-'. They become parts of grain keys, URLs and object names, so path characters, spaces and
/// '%' are refused.
/// </summary>
public static class EntityId
{
    public const int MaxLength = 128;

    public const string Rule = "1-128 characters: letters, digits, '.', '_', ':' or '-'";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-");

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(Allowed) && value is not "." and not "..";

    public static void Validate(ValidationErrors errors, string field, string? value)
    {
        if (!IsValid(value))
        {
            errors.Add(field, $"{field} must be {Rule}.");
        }
    }
}
