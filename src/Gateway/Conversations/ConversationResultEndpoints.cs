using KnovvuOrleans.Gateway.Auth;
using KnovvuOrleans.Gateway.Http;
using KnovvuOrleans.Grains.Abstractions.Clients;
using KnovvuOrleans.Grains.Abstractions.Conversations;
using KnovvuOrleans.Grains.Abstractions.Validation;
using Orleans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Conversations;

/// <summary>
/// What the analysis engine posts about a conversation (ingest scope): its analysis results and its category matches.
/// Each becomes a Data Feeder event raised by the conversation's grain, after its Created event.
/// </summary>
internal static class ConversationResultEndpoints
{
    public static void MapConversationResultEndpoints(this IEndpointRouteBuilder app)
    {
        var conversation = app.MapGroup("/api/tenants/{tenantId}/conversations/{externalId}")
            .RequireAuthorization(GatewayPolicies.Tenant(ClientScopes.Ingest))
            .ProducesAuthProblems()
            .WithTags("Conversations");

        conversation.MapPost("/analysis", PostAnalysisAsync)
            .WithBodyLimit(app.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxAnalysisBodyBytes)
            .ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Posts a conversation's analysis results (ConversationAnalyzedForDataFeeder); held until the conversation is recorded.");
        conversation.MapPost("/categories", PostCategoryAsync)
            .ProducesBodyProblems().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Posts a category the conversation matched (CategoryMatchForDataFeeder); held until the conversation is recorded.");
    }

    private static Task<Results<Accepted<ConversationResultAccepted>, ValidationProblem, ProblemHttpResult>> PostAnalysisAsync(
        string tenantId, string externalId, ConversationAnalysis analysis, IClusterClient cluster) =>
        RaiseAsync(analysis.Validate(), externalId, () => Conversation(cluster, tenantId, externalId).PostAnalysis(analysis));

    private static Task<Results<Accepted<ConversationResultAccepted>, ValidationProblem, ProblemHttpResult>> PostCategoryAsync(
        string tenantId, string externalId, CategoryResult category, IClusterClient cluster) =>
        RaiseAsync(category.Validate(), externalId, () => Conversation(cluster, tenantId, externalId).PostCategory(category));

    /// <summary>Validates the body and the route's external id before any grain call, so a refused result stores nothing.</summary>
    private static async Task<Results<Accepted<ConversationResultAccepted>, ValidationProblem, ProblemHttpResult>> RaiseAsync(
        ValidationErrors errors, string externalId, Func<Task<RaiseOutcome>> raise)
    {
        EntityId.Validate(errors, "externalId", externalId);
        return errors.IsEmpty ? Answer(await raise()) : Problems.Invalid(errors);
    }

    private static IConversationGrain Conversation(IClusterClient cluster, string tenantId, string externalId) =>
        cluster.GetGrain<IConversationGrain>(ConversationKey.For(tenantId, externalId));

    private static Results<Accepted<ConversationResultAccepted>, ValidationProblem, ProblemHttpResult> Answer(RaiseOutcome outcome) =>
        outcome switch
        {
            RaiseOutcome.Published => TypedResults.Accepted((string?)null, new ConversationResultAccepted("published")),
            RaiseOutcome.Held => TypedResults.Accepted((string?)null, new ConversationResultAccepted("held")),
            RaiseOutcome.NotWanted => TypedResults.Accepted((string?)null, new ConversationResultAccepted("not-sent")),
            RaiseOutcome.NotPublished => TypedResults.Accepted((string?)null, new ConversationResultAccepted("not-published")),
            _ => Problems.Conflict("This conversation is not recorded yet and holds the most results it can keep until it is; record it first."),
        };
}

/// <summary>
/// The answer to a posted result: <c>published</c> (on its way to the Data Feeder), <c>held</c> (sent after the
/// conversation is recorded, unless it expires first), <c>not-sent</c> (the tenant's Data Feeder is off or does not send
/// this event type) or <c>not-published</c> (the conversation is a draft or test session, whose events are never sent).
/// </summary>
public sealed record ConversationResultAccepted(string Outcome);
