using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.Hosting;

/// <summary>
/// Reads request bodies as a strict API does, so that a client's casing or shape mistake fails here and not only in
/// production: exact (case-sensitive) property names, no unknown or duplicate properties, no missing required one,
/// no null where the contract has none. A failure is a 400 ValidationProblem whose key is the field's path.
/// </summary>
public static class StrictJson
{
    /// <summary>Read-only, so that no caller can loosen them for the others.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The body as <typeparamref name="T"/>, or the 400/415 answer that says what is wrong with it.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, FieldErrors.Problem("$", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, FieldErrors.Problem(FieldOf(exception.Path), exception.Message));
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // "$.ChatLines[0].SideId" -> "ChatLines[0].SideId": the field as the contract names it.
    private static string FieldOf(string? path) =>
        path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
