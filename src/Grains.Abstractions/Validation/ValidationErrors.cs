namespace KnovvuOrleans.Grains.Abstractions.Validation;

/// <summary>
/// Field-level validation errors, keyed by the field's JSON path as a client sends it (for example
/// <c>dailyReports.retentionMonths</c> or <c>scopes[1]</c>), so that a 400 answer names the field.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Lets a grain refuse what its callers should have validated already.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new InvalidSettingsException(ToDictionary());
        }
    }
}
