using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using KnovvuOrleans.Simulators.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>
/// The recordings of a conversation (list and single, 202 while transcoding, then 200 with media URIs) and the media
/// URIs themselves. Every recordings request counts as a poll of the conversation's transcoding; <c>maxWaitMs</c> is
/// checked and then answered at once rather than waited for.
/// </summary>
internal static class RecordingsEndpoints
{
    private static readonly string[] KnownFormats =
    [
        GenesysCloudApi.RecordingFormats.Wav, GenesysCloudApi.RecordingFormats.Webm, GenesysCloudApi.RecordingFormats.WavUlaw,
        GenesysCloudApi.RecordingFormats.OggVorbis, GenesysCloudApi.RecordingFormats.OggOpus, GenesysCloudApi.RecordingFormats.Mp3,
        GenesysCloudApi.RecordingFormats.None,
    ];

    public static Task ListAsync(SimulatedCall call, GenesysCloudSimulatorState state) =>
        HandleAsync(call, state, GenesysCloudApi.RecordingsPath, (conversation, mediaUri) =>
            conversation.Recordings.Select(r => r.ToWire(mediaUri(r))).ToArray());

    public static Task GetAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        var recordingId = call.Http.GetRouteValue("recordingId") as string;
        return HandleAsync(call, state, GenesysCloudApi.RecordingPath, (conversation, mediaUri) =>
            conversation.Recordings.FirstOrDefault(r => r.Id == recordingId) is { } recording ? recording.ToWire(mediaUri(recording)) : null);
    }

    /// <summary>GET media/{recordingId}.wav: the audio, without a token (Genesys hands out signed URIs).</summary>
    public static async Task MediaAsync(SimulatedCall call, GenesysCloudSimulatorState state)
    {
        var recordingId = call.Http.GetRouteValue("recordingId") as string;
        call.Key = recordingId;
        if (await call.InjectFaultsAsync())
        {
            return;
        }

        var recording = state.FindRecording(recordingId!);
        await call.RespondAsync(recording is null
            ? GenesysErrors.NotFound($"Recording {recordingId} not found.")
            : Results.Bytes(recording.GetAudio(), "audio/wav"));
    }

    /// <param name="answer">The body for the conversation, given each recording's media URI (null while transcoding); null: 404.</param>
    private static async Task HandleAsync(
        SimulatedCall call,
        GenesysCloudSimulatorState state,
        string template,
        Func<SimulatedConversation, Func<SimulatedRecording, string?>, object?> answer)
    {
        var conversationId = call.Http.GetRouteValue("conversationId") as string;
        var key = call.Http.GetRouteValue("recordingId") is string recordingId ? $"{conversationId}/{recordingId}" : conversationId;
        if (await GenesysApiEndpoint.AdmitAsync(call, state, key) is not { } token)
        {
            return;
        }

        var conversation = state.Org(token.Tenant).FindConversation(conversationId!);
        var problem = CheckFormat(call.Http.Request.Query["formatId"].ToString())
            ?? Paging.QueryInt(call.Http.Request, "maxWaitMs", 5000).Problem
            ?? (conversation is null ? GenesysErrors.NotFound($"Conversation {conversationId} not found.") : null);
        if (problem is not null)
        {
            await call.RespondAsync(problem);
            return;
        }

        var transcoded = conversation!.PollTranscoding(state.Options.TimeProvider.GetUtcNow());
        var body = answer(conversation, r => transcoded ? MountedUrls.Http(call.Http, template, r.MediaPath) : null);
        await call.RespondAsync(body is null ? GenesysErrors.NotFound("Recording not found.")
            : transcoded ? Results.Json(body)
            : Results.Json(body, statusCode: StatusCodes.Status202Accepted));
    }

    // Without formatId Genesys transcodes to WEBM; the simulator's audio is WAV, so a client must ask for WAV.
    private static IResult? CheckFormat(string formatId) =>
        (formatId.Length == 0 ? GenesysCloudApi.RecordingFormats.Webm : formatId) switch
        {
            GenesysCloudApi.RecordingFormats.Wav => null,
            var known when KnownFormats.Contains(known) => GenesysErrors.BadRequest(
                $"The simulator transcodes to WAV only: ask for formatId=WAV (without formatId Genesys answers {GenesysCloudApi.RecordingFormats.Webm})."),
            var unknown => GenesysErrors.BadRequest($"Unknown formatId {unknown}."),
        };
}
