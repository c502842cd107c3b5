using System.Globalization;
using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Gateway.RateLimiting;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Validation;
using KnovvuOrleans.Grains.Abstractions.VirtualAgent;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.VirtualAgent;

/// <summary>
/// The Virtual Agent's routes: its projects and channels with their Knovvu Analytics toggles (tenant admin), and
/// its sessions (ingest).
/// </summary>
internal static class VaEndpoints
{
    private const int IngestConcurrency = 16;

    public static void MapVaEndpoints(this IEndpointRouteBuilder app)
    {
        var va = app.MapGroup("/api/tenants/{tenantId}/va").ProducesAuthProblems().WithTags("Virtual Agent");

        var projects = va.MapGroup("/projects").RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.TenantAdmin));
        projects.MapPost("", AddProjectAsync).ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Registers a VA project.");
        projects.MapGet("", ListProjectsAsync).WithSummary("Lists the VA projects with their channels and effective Knovvu Analytics toggles.");
        projects.MapPost("/{projectId}/channels", AddChannelAsync).ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Registers a channel of a VA project.");
        projects.MapPut("/{projectId}/knovvu-analytics", ToggleAsync).ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Switches a project's Knovvu Analytics integration; refused (409) while the tenant integration is off.");

        va.MapPost("/sessions", IngestAsync)
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.Ingest))
            .WithBodyLimit(app.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxIngestBodyBytes)
            .ProducesBodyProblems().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Records VA sessions (one or a batch); published ones go to Knovvu Analytics at the next hourly run.");
    }

    private static async Task<Results<Created<VaProjectRegistration>, ValidationProblem, ProblemHttpResult>> AddProjectAsync(
        string tenantId, VaProjectRegistration project, IClusterClient cluster)
    {
        var errors = project.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return await Projects(cluster, tenantId).AddProject(project) == VaChangeOutcome.Done
            ? TypedResults.Created($"/api/tenants/{tenantId}/va/projects/{project.Id}", project)
            : Problems.Conflict($"Project '{project.Id}' exists already.");
    }

    private static async Task<Ok<IReadOnlyList<VaProject>>> ListProjectsAsync(string tenantId, IClusterClient cluster) =>
        TypedResults.Ok(await Projects(cluster, tenantId).List());

    private static async Task<Results<Created<VaChannelRegistration>, ValidationProblem, ProblemHttpResult>> AddChannelAsync(
        string tenantId, string projectId, VaChannelRegistration channel, IClusterClient cluster)
    {
        var errors = channel.Validate();
        EntityId.Validate(errors, "projectId", projectId);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return await Projects(cluster, tenantId).AddChannel(projectId, channel) switch
        {
            VaChangeOutcome.Done => TypedResults.Created($"/api/tenants/{tenantId}/va/projects/{projectId}/channels/{channel.Id}", channel),
            VaChangeOutcome.UnknownProject => UnknownProject(projectId),
            _ => Problems.Conflict($"Channel '{channel.Id}' exists already in project '{projectId}'."),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ToggleAsync(
        string tenantId, string projectId, VaToggleRequest toggle, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        EntityId.Validate(errors, "projectId", projectId);
        if (toggle.Enabled is null)
        {
            errors.Add("enabled", "enabled is required.");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return await Projects(cluster, tenantId).SetKnovvuAnalyticsEnabled(projectId, toggle.Enabled!.Value) switch
        {
            VaChangeOutcome.Done => TypedResults.NoContent(),
            VaChangeOutcome.UnknownProject => UnknownProject(projectId),
            _ => Problems.Conflict("The tenant's Knovvu Analytics integration is disabled: enable it before enabling a project."),
        };
    }

    /// <summary>
    /// Validates the whole batch (fields, then that each project and channel exists) before recording anything, so a
    /// refused batch stores nothing; then waits for the tenant's admission (<see cref="TenantIngestLimiter"/>) and records each
    /// session through its Conversation grain.
    /// </summary>
    private static async Task<Results<Ok<VaSessionsResult>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        string tenantId, VaSessionsRequest request, IClusterClient cluster, TenantIngestLimiter ingestLimiter, HttpContext httpContext,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var sessions = request.Sessions!;
        var channels = new Dictionary<(string, string), VaChannel?>();
        var unknown = new ValidationErrors();
        for (var i = 0; i < sessions.Count; i++)
        {
            var key = (sessions[i].ProjectId, sessions[i].ChannelId);
            if (!channels.TryGetValue(key, out var channel))
            {
                channels[key] = channel = await Projects(cluster, tenantId).FindChannel(key.ProjectId, key.ChannelId);
            }

            if (channel is null)
            {
                unknown.Add($"sessions[{i}].channelId", $"Project '{key.ProjectId}' has no channel '{key.ChannelId}'.");
            }
        }

        if (!unknown.IsEmpty)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(unknown.ToDictionary())
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Unknown project or channel.",
                Detail = "Register projects and channels before sending their sessions; nothing of this batch was recorded.",
            });
        }

        var admission = await ingestLimiter.AdmitAsync(tenantId, sessions.Count, cancellationToken);
        if (!admission.Admitted)
        {
            return TooManySessions(httpContext, admission.Wait);
        }

        var recorded = 0;
        try
        {
            await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = IngestConcurrency }, async (session, _) =>
            {
                var isCall = channels[(session.ProjectId, session.ChannelId)]!.IsIvr;
                var outcome = await cluster.GetGrain<IConversationGrain>(ConversationKey.For(tenantId, session.ExternalId))
                    .IngestVaSession(session, isCall);
                if (outcome == IngestOutcome.Recorded)
                {
                    Interlocked.Increment(ref recorded);
                }
            });
        }
        catch (Exception exception)
        {
            loggers.CreateLogger(typeof(VaEndpoints)).LogWarning(exception, "Recording VA sessions of tenant {Tenant} failed", tenantId);
            return TypedResults.Problem(
                "Some sessions may not be recorded. Send the batch again: sessions recorded already are acknowledged, not recorded twice.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Sessions not recorded");
        }

        return TypedResults.Ok(new VaSessionsResult(recorded, sessions.Count - recorded));
    }

    private static ProblemHttpResult TooManySessions(HttpContext httpContext, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"The tenant's sessions are admitted at a limited rate and too many are waiting; nothing of this batch was recorded. Send it again after {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sessions");
    }

    private static IVaProjectsGrain Projects(IClusterClient cluster, string tenantId) => cluster.GetGrain<IVaProjectsGrain>(tenantId);

    private static ProblemHttpResult UnknownProject(string projectId) =>
        TypedResults.Problem($"Project '{projectId}' does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Unknown project");
}
