using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;

namespace KnovvuOrleans.Gateway.Tenants;

/// <summary>Refuses a {tenantId} route value that is not a tenant id (path characters, upper case, too long) with 400.</summary>
internal static class TenantIdFilter
{
    public const string RouteValue = "tenantId";

    public static RouteGroupBuilder ValidatesTenantId(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
            {
                var errors = new ValidationErrors();
                TenantId.Validate(errors, RouteValue, context.HttpContext.GetRouteValue(RouteValue) as string);
                return errors.IsEmpty ? await next(context) : Problems.Invalid(errors);
            })
            .ProducesValidationProblem();
}
