using System.Text.RegularExpressions;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// notifications/channels/{id}/subscriptions: GET lists, POST adds, PUT replaces, DELETE removes all. POST and PUT
/// extend the channel's life; a result over 1,000 topics is a 400 that changes nothing. Topics the simulator does
/// not know, or about users not in the org, are answered Rejected and not taken.
/// </summary>
internal static partial class SubscriptionsEndpoints
{
    public static Task ListAsync(SimulatedCall call, GenesysCloudSimulatorState state) =>
        HandleAsync(call, state, channel => Task.FromResult(Listing(channel, rejected: [])));

    public static Task AddAsync(SimulatedCall call, GenesysCloudSimulatorState state) => SubscribeAsync(call, state, replace: false);

    public static Task ReplaceAsync(SimulatedCall call, GenesysCloudSimulatorState state) => SubscribeAsync(call, state, replace: true);

    public static Task RemoveAllAsync(SimulatedCall call, GenesysCloudSimulatorState state) =>
        HandleAsync(call, state, channel =>
        {
            channel.Unsubscribe();
            return Task.FromResult(Results.NoContent());
        });

    private static Task SubscribeAsync(SimulatedCall call, GenesysCloudSimulatorState state, bool replace) =>
        HandleAsync(call, state, async channel =>
        {
            var (requested, error) = await StrictJson.ReadOrExplainAsync<List<ChannelTopic>>(call.Http.Request);
            if (error is not null)
            {
                return GenesysErrors.Error(error.StatusCode, GenesysCloudApi.ErrorCodes.BadRequest, $"{error.Field}: {error.Message}");
            }

            var org = state.Org(channel.OrgId);
            var judged = requested!.Select(t => (t.Id, Rejection: RejectionOf(t.Id, org))).ToArray();
            var rejected = judged.Where(t => t.Rejection is not null)
                .Select(t => new ChannelTopic { Id = t.Id, State = GenesysCloudApi.TopicStates.Rejected, RejectionReason = t.Rejection })
                .ToArray();
            var taken = judged.Where(t => t.Rejection is null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            return channel.Subscribe(taken, replace, state.Options.TimeProvider.GetUtcNow(), GenesysCloudApi.ChannelLifetime)
                ? Listing(channel, rejected)
                : GenesysErrors.BadRequest($"A channel takes at most {GenesysCloudApi.MaxTopicsPerChannel} topics; this request would leave it with more.");
        });

    // Auth and faults, then the caller's own live channel (404 otherwise), then the action.
    private static async Task HandleAsync(SimulatedCall call, GenesysCloudSimulatorState state, Func<SimulatedChannel, Task<IResult>> action)
    {
        var channelId = call.Http.GetRouteValue("channelId") as string;
        if (await GenesysApiEndpoint.AdmitAsync(call, state, channelId) is not { } token)
        {
            return;
        }

        var channel = state.Channels.FindOwn(channelId!, token.ClientId);
        if (channel is null)
        {
            await call.RespondAsync(GenesysErrors.NotFound($"Channel {channelId} not found."));
            return;
        }

        // Only a change that happened can have its answer lost (an ack-lost fault); a GET or a refusal changed nothing.
        var result = await action(channel);
        var changed = call.Http.Request.Method != HttpMethods.Get && result is not IStatusCodeHttpResult { StatusCode: >= 400 };
        await (changed ? call.RespondStoredAsync(result) : call.RespondAsync(result));
    }

    private static IResult Listing(SimulatedChannel channel, IReadOnlyList<ChannelTopic> rejected) => Results.Json(new ChannelTopicEntityListing
    {
        Entities = channel.Topics.Select(t => new ChannelTopic { Id = t, State = GenesysCloudApi.TopicStates.Permitted }).Concat(rejected).ToArray(),
    });

    private static string? RejectionOf(string topic, SimulatedOrg org) =>
        UserTopic().Match(topic) is not { Success: true } match ? "The simulator knows only v2.users.{id}.conversations and v2.users.{id}.conversations.calls."
        : org.FindUser(match.Groups["user"].Value) is null ? $"User {match.Groups["user"].Value} not found."
        : null;

    [GeneratedRegex(@"^v2\.users\.(?<user>[^.]+)\.conversations(\.calls)?$")]
    private static partial Regex UserTopic();
}
