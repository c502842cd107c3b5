using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.Hosting;

/// <summary>The field errors of one request body, keyed by the field's JSON path, answered as a ValidationProblem.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    /// <summary>The answer for a single bad field.</summary>
    public static IResult Problem(string field, string message, int statusCode = StatusCodes.Status400BadRequest)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToProblem(statusCode);
    }

    /// <summary>Keeps the first message per field.</summary>
    public void Add(string field, string message) => _errors.TryAdd(field, [message]);

    public void RequireText(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} must not be empty.");
        }
    }

    public IResult ToProblem(int statusCode = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(_errors, statusCode: statusCode);
}
