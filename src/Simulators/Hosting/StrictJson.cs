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
        var (value, error) = await ReadOrExplainAsync<T>(request);
        return error is null ? (value, null) : (null, error.ToProblem());
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, or what is wrong with it, for a service that answers errors in a shape of
    /// its own.
    /// </summary>
    public static async Task<(T? Value, BodyError? Error)> ReadOrExplainAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, new BodyError(StatusCodes.Status415UnsupportedMediaType, "$", "The body must be application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, new BodyError(StatusCodes.Status400BadRequest, "$", "The body must not be null.")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, new BodyError(StatusCodes.Status400BadRequest, FieldOf(exception.Path), exception.Message));
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

/// <summary>Why a request body could not be read: 415 (not JSON) or 400 naming the field (its JSON path).</summary>
public sealed record BodyError(int StatusCode, string Field, string Message)
{
    /// <summary>The ProblemDetails answer: a title for 415, a ValidationProblem naming the field for 400.</summary>
    public IResult ToProblem() => StatusCode == StatusCodes.Status415UnsupportedMediaType
        ? Results.Problem(statusCode: StatusCode, title: Message)
        : FieldErrors.Problem(Field, Message);
}
