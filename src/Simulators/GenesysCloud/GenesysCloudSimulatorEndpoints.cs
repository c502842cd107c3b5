using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>The routes of a Genesys Cloud simulator, relative to where they are mapped.</summary>
public static class GenesysCloudSimulatorEndpoints
{
    /// <summary>
    /// Where the login server lives (login.{region} on Genesys, a host of its own), so that a client deriving the
    /// token endpoint from the API base URL fails here too.
    /// </summary>
    public const string LoginPrefix = "login/";

    /// <summary>The token endpoint, as the simulator's relative path (and the path fault rules name).</summary>
    public const string TokenPath = LoginPrefix + GenesysCloudApi.TokenPath;

    /// <summary>A channel's connect URI (streaming.{region}/channels/{id} on Genesys).</summary>
    public const string StreamingPath = "streaming/channels/{channelId}";

    /// <summary>A recording's media URI (a signed download URI on Genesys).</summary>
    public const string MediaPath = "media/{recordingId}.wav";

    /// <summary>GET: the counts of what the simulator holds (<see cref="GenesysCloudCounts"/>).</summary>
    public const string StatePath = "_sim/state";

    /// <summary>
    /// Maps the simulator: the login server, the Platform API paths of <see cref="GenesysCloudApi"/>, connect and media
    /// URIs, GET _sim/state. For the demo: <c>app.UseWebSockets(); app.MapGroup("/genesys").MapGenesysCloudSimulator(state)</c>
    /// puts them under /genesys (the URIs the simulator hands out carry the prefix).
    /// </summary>
    public static RouteGroupBuilder MapGenesysCloudSimulator(this IEndpointRouteBuilder routes, GenesysCloudSimulatorState state)
    {
        var group = routes.MapGroup("");
        group.MapPost(TokenPath, Run(TokenPath, LoginEndpoint.HandleAsync));
        group.MapGet(GenesysCloudApi.GroupPath, Run(GenesysCloudApi.GroupPath, GroupsEndpoints.GetGroupAsync));
        group.MapGet(GenesysCloudApi.GroupMembersPath, Run(GenesysCloudApi.GroupMembersPath, GroupsEndpoints.GetMembersAsync));
        group.MapPost(GenesysCloudApi.ChannelsPath, Run(GenesysCloudApi.ChannelsPath, ChannelsEndpoints.CreateAsync));
        group.MapMethods(GenesysCloudApi.ChannelPath, [HttpMethods.Head], Run(GenesysCloudApi.ChannelPath, ChannelsEndpoints.HeadAsync));
        group.MapGet(GenesysCloudApi.SubscriptionsPath, Run(GenesysCloudApi.SubscriptionsPath, SubscriptionsEndpoints.ListAsync));
        group.MapPost(GenesysCloudApi.SubscriptionsPath, Run(GenesysCloudApi.SubscriptionsPath, SubscriptionsEndpoints.AddAsync));
        group.MapPut(GenesysCloudApi.SubscriptionsPath, Run(GenesysCloudApi.SubscriptionsPath, SubscriptionsEndpoints.ReplaceAsync));
        group.MapDelete(GenesysCloudApi.SubscriptionsPath, Run(GenesysCloudApi.SubscriptionsPath, SubscriptionsEndpoints.RemoveAllAsync));
        group.MapGet(GenesysCloudApi.ConversationDetailsPath, Run(GenesysCloudApi.ConversationDetailsPath, AnalyticsEndpoints.GetDetailsAsync));
        group.MapPost(GenesysCloudApi.ConversationDetailsQueryPath, Run(GenesysCloudApi.ConversationDetailsQueryPath, AnalyticsEndpoints.QueryAsync));
        group.MapGet(GenesysCloudApi.RecordingsPath, Run(GenesysCloudApi.RecordingsPath, RecordingsEndpoints.ListAsync));
        group.MapGet(GenesysCloudApi.RecordingPath, Run(GenesysCloudApi.RecordingPath, RecordingsEndpoints.GetAsync));
        group.MapGet(MediaPath, Run(MediaPath, RecordingsEndpoints.MediaAsync));
        group.MapGet(StreamingPath, Run(StreamingPath, ChannelsEndpoints.ConnectAsync));
        group.MapGet(StatePath, () => Results.Ok(state.Counts()));
        return group;

        RequestDelegate Run(string path, Func<SimulatedCall, GenesysCloudSimulatorState, Task> endpoint) =>
            http => state.Pipeline.RunAsync(http, path, call => endpoint(call, state));
    }
}
