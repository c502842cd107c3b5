using System.Text.RegularExpressions;
using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.DataFeeder;
using KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.Abstractions.Validation;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.DataFeeder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;

namespace KnovvuOrleans.Gateway.DataFeeder;

/// <summary>
/// Data Feeder replays (docs/replay.md) and status: a tenant admin starts, follows and cancels replays of its own
/// events; the host operator lists every tenant's replays.
/// </summary>
internal static partial class DataFeederReplayEndpoints
{
    private const string ReplayIdRouteValue = "replayId";

    public static void MapDataFeederEndpoints(this IEndpointRouteBuilder app)
    {
        var feeder = app.MapGroup("/api/tenants/{tenantId}/datafeeder")
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.TenantAdmin))
            .ProducesAuthProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags("Data Feeder");
        feeder.MapPost("/replays", StartAsync)
            .ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Starts a replay: the tenant's events of conversations that started in [from, to) sent again, with their original event ids.")
            .WithDescription("202 with the job and its Location. 400 names the field (from beyond the tenant's retention or in the future, to not after from, "
                             + "unknown event type, bad topic); 409 when the topic belongs to another tenant or a replay of the tenant is running.");
        feeder.MapGet("/replays", ListAsync).WithSummary("The tenant's replays, newest first.");
        feeder.MapGet("/replays/{replayId}", GetAsync).ProducesValidationProblem()
            .WithSummary("A replay's progress: conversations and events done of total, rate, started and finished times, errors.");
        feeder.MapDelete("/replays/{replayId}", CancelAsync).ProducesValidationProblem()
            .WithSummary("Cancels a replay: nothing more is sent; what was sent stays sent.");
        feeder.MapGet("/status", StatusAsync)
            .WithSummary("Held results (conversation not recorded yet), expired held results, running replays.");

        app.MapGroup("/api/host/datafeeder")
            .RequireAuthorization(GatewayPolicies.Host)
            .ProducesAuthProblems()
            .WithTags("Host: Data Feeder")
            .MapGet("/replays", ListAllAsync)
            .WithSummary("Every tenant's replays.");
    }

    private static async Task<Results<Accepted<ReplayJob>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string tenantId, StartReplayRequest request, IClusterClient cluster, TimeProvider time)
    {
        if (await cluster.GetGrain<ITenantGrain>(tenantId).GetFeatures() is not { } features)
        {
            return Problems.UnknownTenant(tenantId);
        }

        var (replay, errors) = request.Validate(features, time.GetUtcNow());
        if (replay is null)
        {
            return Problems.Invalid(errors);
        }

        if (await cluster.GetGrain<IDataFeederTopicsGrain>(IDataFeederTopicsGrain.Key).Claim(replay.Topic, tenantId) != tenantId)
        {
            return Problems.TopicTaken("topic", replay.Topic);
        }

        return await cluster.GetGrain<IDataFeederReplaysGrain>(tenantId).Create(replay) is { } job
            ? TypedResults.Accepted($"/api/tenants/{tenantId}/datafeeder/replays/{job.Id}", job)
            : Problems.Conflict("A replay of this tenant is running; cancel it or wait until it finishes.");
    }

    private static async Task<Ok<IReadOnlyList<ReplayJob>>> ListAsync(string tenantId, IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IDataFeederReplaysGrain>(tenantId).List());

    private static async Task<Results<Ok<ReplayJob>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string tenantId, string replayId, IClusterClient cluster) =>
        await AnswerAsync(replayId, () => Job(cluster, tenantId, replayId).GetStatus());

    private static async Task<Results<Ok<ReplayJob>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string tenantId, string replayId, IClusterClient cluster) =>
        await AnswerAsync(replayId, () => Job(cluster, tenantId, replayId).Cancel());

    private static async Task<Results<Ok<DataFeederStatus>, ProblemHttpResult>> StatusAsync(
        string tenantId, IClusterClient cluster, IKeptEventStore kept, IOptions<HeldResultsOptions> held, CancellationToken cancellationToken)
    {
        if (await cluster.GetGrain<ITenantGrain>(tenantId).GetProfile() is null)
        {
            return Problems.UnknownTenant(tenantId);
        }

        var counts = await kept.CountHeldAsync(tenantId, cancellationToken);
        var running = (await cluster.GetGrain<IDataFeederReplaysGrain>(tenantId).List()).Where(j => j.State == ReplayStates.Running).ToList();
        return TypedResults.Ok(new DataFeederStatus(counts.Held, counts.Expired, held.Value.Expiry, running));
    }

    private static async Task<Ok<IReadOnlyList<ReplayJob>>> ListAllAsync(IClusterClient cluster)
    {
        var tenants = await cluster.GetGrain<ITenantDirectoryGrain>(ITenantDirectoryGrain.Key).List();
        var jobs = await Task.WhenAll(tenants.Select(t => cluster.GetGrain<IDataFeederReplaysGrain>(t.Id).List()));
        return TypedResults.Ok<IReadOnlyList<ReplayJob>>(jobs.SelectMany(j => j).OrderByDescending(j => j.StartedAt).ToList());
    }

    private static async Task<Results<Ok<ReplayJob>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string replayId, Func<Task<ReplayJob?>> call)
    {
        if (!ReplayIdPattern().IsMatch(replayId))
        {
            var errors = new ValidationErrors();
            errors.Add(ReplayIdRouteValue, "replayId must be a replay's id: 32 lower-case hexadecimal digits.");
            return Problems.Invalid(errors);
        }

        return await call() is { } job
            ? TypedResults.Ok(job)
            : TypedResults.Problem($"No replay '{replayId}' of this tenant.", statusCode: StatusCodes.Status404NotFound, title: "Unknown replay");
    }

    private static IDataFeederReplayGrain Job(IClusterClient cluster, string tenantId, string replayId) =>
        cluster.GetGrain<IDataFeederReplayGrain>(ReplayKey.For(tenantId, replayId));

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ReplayIdPattern();
}
