using System.Net.WebSockets;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>POST notifications/channels, HEAD notifications/channels/{id}, and the channel's websocket (its connect URI).</summary>
internal static class ChannelsEndpoints
{
    public static async Task CreateAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        if (await GenesysApiEndpoint.AdmitAsync(call, state, key: null) is not { } token)
        {
            return;
        }

        var channel = state.Channels.Create(token.ClientId, token.Tenant);
        call.Key = channel.Id;
        var connectUri = MountedUrls.WebSocket(call.Http, GenesysCloudApi.ChannelsPath, GenesysCloudSimulatorEndpoints.StreamingPath.Replace("{channelId}", channel.Id, StringComparison.Ordinal));
        await call.RespondStoredAsync(Results.Json(channel.ToWire(connectUri)));
    }

    public static async Task HeadAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        var channelId = call.Http.GetRouteValue("channelId") as string;
        if (await GenesysApiEndpoint.AdmitAsync(call, state, channelId) is not { } token)
        {
            return;
        }

        var found = state.Channels.FindOwn(channelId!, token.ClientId) is not null;
        await call.RespondAsync(Results.StatusCode(found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound));
    }

    /// <summary>
    /// The websocket upgrade of a connect URI (no token, as on Genesys): 404 for a gone channel. The new socket
    /// replaces the channel's previous one, which is closed.
    /// </summary>
    public static async Task ConnectAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        var http = call.Http;
        var channelId = http.GetRouteValue("channelId") as string;
        call.Key = channelId;
        if (await call.InjectFaultsAsync())
        {
            return;
        }

        var channel = state.Channels.Find(channelId!);
        if (!http.WebSockets.IsWebSocketRequest || channel is null)
        {
            await call.RespondAsync(channel is null
                ? GenesysErrors.NotFound($"Channel {channelId} not found.")
                : GenesysErrors.BadRequest("A connect URI takes a websocket upgrade (an app that maps the simulator must call UseWebSockets)."));
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        call.RecordAnswer();
        var connection = new ChannelConnection(socket, state.Options.TimeProvider);
        if (!channel.TryAttach(connection, state.Options.TimeProvider.GetUtcNow(), out var replaced))
        {
            connection.Abort();
            return;
        }

        replaced?.Close(WebSocketCloseStatus.PolicyViolation, "Another websocket connected to the channel.");
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using (stopping.Register(connection.Abort))
        {
            await connection.RunAsync(state.Options.HeartbeatInterval, () => state.Channels.Lives(channel));
        }

        channel.Detach(connection);
    }
}
