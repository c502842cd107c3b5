using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;

namespace KnovvuOrleans.Simulators.KnovvuAnalytics;

/// <summary>
/// POST api/chats, one chat per request (see <see cref="ApiEndpoint"/> for the order of checks). The ExternalId is
/// the idempotency key: a repeat is answered 200 with duplicate=true and only counted.
/// </summary>
internal static class ChatsEndpoint
{
    public static Task HandleAsync(SimulatedCall call, KnovvuAnalyticsSimulatorState state) =>
        ApiEndpoint.HandleAsync<ChatRequest>(
            call,
            state,
            keyOf: chat => chat.ExternalId,
            check: (chat, tenant) => ChatValidation.Check(chat, agentId => state.Received.HasAgent(tenant, agentId)),
            store: (chat, tenant, now) => Results.Ok(new ChatAcknowledgement(chat.ExternalId, Duplicate: !state.Received.Store(tenant, chat, now))));
}
