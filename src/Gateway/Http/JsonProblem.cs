using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Turns a JSON reading error into a validation problem that names the field by its JSON path, with the reader's
/// explanation stripped of .NET type names and positions.
/// </summary>
internal static partial class JsonProblem
{
    public static HttpValidationProblemDetails From(JsonException exception)
    {
        var field = exception.Path is null or "$" ? "body" : exception.Path.TrimStart('$').TrimStart('.');
        var message = Describe(exception, field);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = "The request body is not valid JSON for this route.",
            Detail = $"{field}: {message}",
        };
    }

    private static string Describe(JsonException exception, string field)
    {
        var text = exception.InnerException?.Message ?? exception.Message;
        text = Position().Replace(text, "");
        text = TypeName().Replace(text, "");
        text = text.Replace(" Consider updating its nullability annotation.", "", StringComparison.Ordinal);
        if (text.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            text = field == "body" ? "The request body must be a JSON object." : "The JSON value has the wrong type for this field.";
        }

        return text.Trim();
    }

    [GeneratedRegex(@"\s*(Path: .*|LineNumber: .*)$")]
    private static partial Regex Position();

    [GeneratedRegex(@"\s(for|on|of|contained in) type '[^']*'")]
    private static partial Regex TypeName();
}
