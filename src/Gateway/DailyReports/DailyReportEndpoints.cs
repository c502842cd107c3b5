using System.Security.Claims;
using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Abstractions.Tenants;
using KnovvuOrleans.Grains.DailyReports;
using KnovvuOrleans.Grains.ObjectStorage;
using Orleans;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.DailyReports;

/// <summary>
/// The public Knovvu reports API: an hour's chunk of the token's tenant, from object storage, or built from the
/// conversation log on the spot (then stored for next time) when it is not there or is stale.
/// </summary>
internal static class DailyReportEndpoints
{
    public static void MapDailyReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/external/conversations/daily-report")
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.DataServiceExternal))
            .ProducesAuthProblems()
            .WithTags("Daily reports")
            .MapGet("/{utcDay}/{utcHour}", GetAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/zip", additionalContentTypes: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An hour's conversations of the token's tenant: the zip (compressed=true, the default) or its JSON {\"Conversations\":[…]}.");
    }

    private static async Task<IResult> GetAsync(
        string utcDay, string utcHour, string? compressed, ClaimsPrincipal user, IClusterClient cluster, IObjectStore store,
        DailyReportBuilder builder, IOptions<DailyReportOptions> options, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var tenantId = user.FindFirst(GatewayClaims.Tenant)!.Value;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (query, errors) = DailyReportQuery.Parse(utcDay, utcHour, compressed, today);
        if (query is null)
        {
            return Problems.Invalid(errors);
        }

        if (await cluster.GetGrain<ITenantGrain>(tenantId).GetFeatures() is not { DailyReports: { Enabled: true } settings })
        {
            return TypedResults.Problem("Daily reports are not enabled for this tenant.", statusCode: StatusCodes.Status403Forbidden,
                title: "Feature disabled");
        }

        // Past retention the chunks are deleted and are not built again.
        if (query.Day < DailyReportRetention.Cutoff(today, settings.RetentionMonths))
        {
            return TypedResults.Problem($"Reports are kept for {settings.RetentionMonths} months; {utcDay} is older.",
                statusCode: StatusCodes.Status404NotFound, title: "Report not found");
        }

        var logger = loggers.CreateLogger(typeof(DailyReportEndpoints));
        var key = DailyReportChunkName.ObjectKey(tenantId, query.Day, query.Hour);
        var report = cluster.GetGrain<IDailyReportGrain>(DailyReportChunkName.GrainKey(tenantId, query.Day));
        var status = (await report.GetChunks())[query.Hour];
        StoredObject? stored = null;
        try
        {
            // A stale chunk lacks a conversation that reached the log after it was stored: built again below.
            stored = status.State == ChunkState.Stale ? null : await store.GetAsync(key, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Reading daily report chunk {Key} failed; building it on demand", key);
        }

        if (stored is not null && ChunkMetadata.From(stored.Metadata) is { } metadata)
        {
            return new DailyReportResult(query, stored.Content, stored.Length, metadata, DailyReportResult.StoredSource, stored);
        }

        if (stored is not null)
        {
            await stored.DisposeAsync();
        }

        var chunk = await builder.BuildAsync(tenantId, query.Day, query.Hour, cancellationToken);
        try
        {
            await builder.StoreAsync(tenantId, query.Day, query.Hour, chunk, cancellationToken);
            await report.RecordAttempt(new ChunkAttempt(query.Hour, chunk.Conversations, chunk.GeneratedAt, null, status.LateArrivals),
                options.Value.MaxAttempts);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The client still gets its report; the nightly run or the next request stores it.
            logger.LogWarning(exception, "Storing daily report chunk {Key} built on demand failed", key);
            chunk.Zip.Position = 0;
        }

        return new DailyReportResult(query, chunk.Zip, chunk.Zip.Length, new ChunkMetadata(chunk.Conversations, chunk.GeneratedAt),
            DailyReportResult.OnDemandSource, chunk);
    }
}
