using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// GET analytics/conversations/{id}/details, and POST analytics/conversations/details/query: the org's conversations
/// whose start falls on a UTC day the interval touches (Genesys keeps them in daily indexes by start time), by start
/// time, a page at a time; an interval longer than 7 days is refused, as Genesys does without filters. Filters are
/// accepted and not applied.
/// </summary>
internal static class AnalyticsEndpoints
{
    public static Task GetDetailsAsync(SimulatedCall call, GenesysCloudSimulatorState state) =>
        GenesysApiEndpoint.GetOneAsync(call, state, "conversationId", "Conversation", (org, conversationId) => org.FindConversation(conversationId)?.Details);

    public static async Task QueryAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        if (await GenesysApiEndpoint.AuthenticateAsync(call, state) is not { } token)
        {
            return;
        }

        var (query, error) = await StrictJson.ReadOrExplainAsync<ConversationDetailsQuery>(call.Http.Request);
        var (pageSize, pageNumber) = (query?.Paging?.PageSize ?? GenesysCloudApi.DefaultPageSize, query?.Paging?.PageNumber ?? 1);
        call.Key = query is null ? null : $"{query.Interval} page {pageNumber}";
        if (await call.InjectFaultsAsync())
        {
            return;
        }

        if (error is not null)
        {
            await call.RespondAsync(GenesysErrors.Error(error.StatusCode, GenesysCloudApi.ErrorCodes.BadRequest, $"{error.Field}: {error.Message}"));
            return;
        }

        var interval = ParseInterval(query!.Interval);
        var problem = (interval is null ? GenesysErrors.BadRequest("interval is \"start/end\", ISO 8601 times with a zone, the start before the end.") : null)
            ?? (interval is { } span && span.End - span.Start > GenesysCloudApi.MaxQueryInterval
                ? GenesysErrors.BadRequest("The interval is at most 7 days without filters.") : null)
            ?? (query.Order is null or "asc" or "desc" ? null : GenesysErrors.BadRequest("order is \"asc\" or \"desc\"."))
            ?? Paging.Check(pageSize, pageNumber);
        if (problem is not null)
        {
            await call.RespondAsync(problem);
            return;
        }

        var (start, end) = interval!.Value;
        var (firstDay, lastDay) = (start.UtcDateTime.Date, end.UtcDateTime.AddTicks(-1).Date);
        var started = state.Org(token.Tenant).Conversations.Where(c => c.Start.UtcDateTime.Date >= firstDay && c.Start.UtcDateTime.Date <= lastDay);
        var ordered = (query.Order == "desc" ? started.OrderByDescending(c => c.Start) : started.OrderBy(c => c.Start)).ToArray();
        var page = Paging.Page(ordered, pageSize, pageNumber);
        await call.RespondAsync(Results.Json(new ConversationDetailsQueryResponse
        {
            Conversations = page.Length == 0 ? null : page.Select(c => c.Details).ToArray(),
            TotalHits = ordered.Length,
        }));
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? ParseInterval(string interval)
    {
        var parts = interval.Split('/');
        return parts.Length == 2
            && GenesysTimestampJsonConverter.Parse(parts[0]) is { } start
            && GenesysTimestampJsonConverter.Parse(parts[1]) is { } end
            && start < end
                ? (start, end)
                : null;
    }
}
