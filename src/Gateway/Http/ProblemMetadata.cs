namespace KnovvuOrleans.Gateway.Http;

/// <summary>Declares, for the OpenAPI document, the problem answers that middleware and binding give.</summary>
internal static class ProblemMetadata
{
    /// <summary>401 without a valid token, 403 when its tenant or scope does not fit the route.</summary>
    public static RouteGroupBuilder ProducesAuthProblems(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>400 for a body that is not valid JSON or breaks a rule, 413 when too large, 415 when not JSON.</summary>
    public static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
