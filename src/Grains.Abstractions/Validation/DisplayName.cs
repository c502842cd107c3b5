namespace KnovvuOrleans.Grains.Abstractions.Validation;

/// <summary>The rule for human-readable names (tenant names, client names): not blank, bounded, no control characters.</summary>
public static class DisplayName
{
    public static void Validate(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required and must not be blank.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"{field} must be at most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(field, $"{field} must not contain control characters.");
        }
    }
}
