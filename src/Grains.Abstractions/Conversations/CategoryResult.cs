using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;

namespace KnovvuOrleans.Grains.Abstractions.Conversations;

/// <summary>A category the conversation matched, as the analysis engine posts it (CategoryMatchForDataFeeder's data).</summary>
[GenerateSerializer, Alias("knovvu.CategoryResult")]
public sealed record CategoryResult(int? CategoryId = null, string? CategoryName = null)
{
    public const int MaxNameLength = 256;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (CategoryId is not > 0)
        {
            errors.Add("categoryId", "categoryId is required, a positive integer.");
        }

        if (string.IsNullOrWhiteSpace(CategoryName) || CategoryName.Length > MaxNameLength)
        {
            errors.Add("categoryName", $"categoryName is required, 1 to {MaxNameLength} characters.");
        }

        return errors;
    }
}
