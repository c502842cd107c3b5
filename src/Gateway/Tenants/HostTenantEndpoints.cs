using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnovvuOrleans.Gateway.Tenants;

/// <summary>The host operator's tenant routes: create, list, read, rename, and switch features.</summary>
internal static class HostTenantEndpoints
{
    public const string Path = "/api/host/tenants";

    public static void MapHostTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup(Path)
            .RequireAuthorization(GatewayPolicies.Host)
            .ProducesAuthProblems()
            .WithTags("Host: tenants");
        tenants.MapPost("", CreateAsync).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates a tenant with default features.");
        tenants.MapGet("", ListAsync).WithSummary("Lists all tenants.");

        var tenant = tenants.MapGroup("/{tenantId}").ValidatesTenantId().ProducesProblem(StatusCodes.Status404NotFound);
        tenant.MapGet("", GetAsync).WithSummary("Reads a tenant's profile.");
        tenant.MapPut("", RenameAsync).ProducesBodyProblems().WithSummary("Renames a tenant.");
        tenant.MapGet("/features", GetFeaturesAsync).WithSummary("Reads a tenant's feature settings.");
        tenant.MapPut("/features", UpdateFeaturesAsync).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replaces a tenant's feature settings: daily reports, Data Feeder, VA → CA cap.")
            .WithDescription("409 when dataFeeder.topic belongs to another tenant (docs/datafeeder-topics.md).");
    }

    private static async Task<Results<Created<TenantProfile>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTenantRequest request, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var profile = new TenantProfile(request.Id!, request.Name!);
        return await cluster.GetGrain<ITenantGrain>(profile.Id).Create(profile.Name)
            ? TypedResults.Created($"{Path}/{profile.Id}", profile)
            : Problems.Conflict($"Tenant '{profile.Id}' exists already.");
    }

    private static async Task<Ok<IReadOnlyList<TenantProfile>>> ListAsync(IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).List());

    private static async Task<Results<Ok<TenantProfile>, ProblemHttpResult>> GetAsync(string tenantId, IClusterClient cluster) =>
        Problems.OkOrUnknownTenant(await cluster.GetGrain<ITenantGrain>(tenantId).GetProfile(), tenantId);

    private static async Task<Results<Ok<TenantProfile>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        string tenantId, UpdateTenantRequest request, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return await cluster.GetGrain<ITenantGrain>(tenantId).Rename(request.Name!) is { } profile
            ? TypedResults.Ok(profile)
            : Problems.UnknownTenant(tenantId);
    }

    private static async Task<Results<Ok<TenantFeatures>, ProblemHttpResult>> GetFeaturesAsync(string tenantId, IClusterClient cluster) =>
        Problems.OkOrUnknownTenant(await cluster.GetGrain<ITenantGrain>(tenantId).GetFeatures(), tenantId);

    private static async Task<Results<Ok<TenantFeatures>, ValidationProblem, ProblemHttpResult>> UpdateFeaturesAsync(
        string tenantId, TenantFeatures features, IClusterClient cluster)
    {
        var errors = features.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            return await cluster.GetGrain<ITenantGrain>(tenantId).UpdateFeatures(features) is { } updated
                ? TypedResults.Ok(updated)
                : Problems.UnknownTenant(tenantId);
        }
        catch (TopicTakenException taken)
        {
            return Problems.TopicTaken("dataFeeder.topic", taken.Topic);
        }
    }
}
