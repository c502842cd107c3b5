using KnovvuOrleans.Grains.Abstractions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>The RFC 9457 problem answers the endpoints share.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not valid.");

    public static ProblemHttpResult UnknownTenant(string tenantId) =>
        TypedResults.Problem($"Tenant '{tenantId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Unknown tenant");

    /// <summary>200 with the grain's answer, or 404 when the grain answered null because the tenant does not exist.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOrUnknownTenant<T>(T? value, string tenantId) where T : class =>
        value is null ? UnknownTenant(tenantId) : TypedResults.Ok(value);

    /// <summary>409: a Data Feeder topic of another tenant (the field named in the problem's <c>field</c> extension).</summary>
    public static ProblemHttpResult TopicTaken(string field, string topic) =>
        TypedResults.Problem(
            $"{field}: topic '{topic}' belongs to another tenant; a topic belongs to the first tenant that claims it (names differing only in case or in '.' against '_' are the same topic).",
            statusCode: StatusCodes.Status409Conflict, title: "Topic belongs to another tenant",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
