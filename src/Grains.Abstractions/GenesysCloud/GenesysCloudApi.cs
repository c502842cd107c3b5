using System.Globalization;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// The Genesys Cloud Platform API as the integration calls it (reference/genesys-cloud.md), shared by the real client
/// and the simulator. The <c>*Path</c> constants are route templates (the simulator's routes, and the paths fault
/// rules name); the methods build concrete relative paths. Paths have no leading "/": resolve them against the API
/// base URL (https://api.{region}/ in production, the simulator's BaseUrl in tests), which ends in "/". The token
/// endpoint is on another host: resolve <see cref="TokenPath"/> against the login base URL (https://login.{region}/).
/// </summary>
public static class GenesysCloudApi
{
    /// <summary>POST, client credentials with HTTP Basic auth; relative to the login base URL, not the API base.</summary>
    public const string TokenPath = "oauth/token";

    public const string GroupPath = "api/v2/groups/{groupId}";

    /// <summary>Paged with <c>pageSize</c> and <c>pageNumber</c>; lists owners, individual and dynamic members.</summary>
    public const string GroupMembersPath = "api/v2/groups/{groupId}/members";

    /// <summary>POST creates a channel.</summary>
    public const string ChannelsPath = "api/v2/notifications/channels";

    /// <summary>HEAD: 200 while the channel lives, 404 once it is gone.</summary>
    public const string ChannelPath = "api/v2/notifications/channels/{channelId}";

    /// <summary>GET lists, POST adds, PUT replaces, DELETE removes all topics of a channel.</summary>
    public const string SubscriptionsPath = "api/v2/notifications/channels/{channelId}/subscriptions";

    public const string ConversationDetailsPath = "api/v2/analytics/conversations/{conversationId}/details";

    /// <summary>POST <see cref="ConversationDetailsQuery"/>: the conversations that started in an interval, paged.</summary>
    public const string ConversationDetailsQueryPath = "api/v2/analytics/conversations/details/query";

    /// <summary>GET with <c>formatId</c> and <c>maxWaitMs</c>: 202 while transcoding, then 200 with media URIs.</summary>
    public const string RecordingsPath = "api/v2/conversations/{conversationId}/recordings";

    /// <summary>GET with <c>formatId</c> and <c>download=true</c>: 202 while transcoding, then 200 with media URIs.</summary>
    public const string RecordingPath = "api/v2/conversations/{conversationId}/recordings/{recordingId}";

    /// <summary>The page size of paged lists when the request names none.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page size of group members and the details query.</summary>
    public const int MaxPageSize = 100;

    /// <summary>A channel takes at most this many topics; more is a 400 that changes nothing.</summary>
    public const int MaxTopicsPerChannel = 1000;

    /// <summary>Channels per OAuth client; creating one more removes the least recently used unconnected one.</summary>
    public const int MaxChannelsPerClient = 20;

    /// <summary>The longest interval of a details query without filters (31 days with a filter).</summary>
    public static readonly TimeSpan MaxQueryInterval = TimeSpan.FromDays(7);

    /// <summary>A channel lives this long after its creation or its last subscription request.</summary>
    public static readonly TimeSpan ChannelLifetime = TimeSpan.FromHours(24);

    /// <summary>The key of <c>mediaUris</c> that holds the whole recording.</summary>
    public const string SingleMediaKey = "S";

    public static string Group(string groupId) => $"api/v2/groups/{Escape(groupId)}";

    public static string GroupMembers(string groupId, int pageSize, int pageNumber) =>
        $"{Group(groupId)}/members?pageSize={Number(pageSize)}&pageNumber={Number(pageNumber)}";

    public static string Channel(string channelId) => $"{ChannelsPath}/{Escape(channelId)}";

    public static string Subscriptions(string channelId) => $"{Channel(channelId)}/subscriptions";

    public static string ConversationDetails(string conversationId) => $"api/v2/analytics/conversations/{Escape(conversationId)}/details";

    public static string Recordings(string conversationId, string formatId = RecordingFormats.Wav, int maxWaitMs = 5000) =>
        $"api/v2/conversations/{Escape(conversationId)}/recordings?formatId={formatId}&maxWaitMs={Number(maxWaitMs)}";

    public static string Recording(string conversationId, string recordingId, string formatId = RecordingFormats.Wav) =>
        $"api/v2/conversations/{Escape(conversationId)}/recordings/{Escape(recordingId)}?formatId={formatId}&download=true";

    /// <summary>An analytics interval, "start/end" in UTC with milliseconds (end excluded).</summary>
    public static string Interval(DateTimeOffset start, DateTimeOffset end) =>
        $"{GenesysTimestampJsonConverter.Format(start)}/{GenesysTimestampJsonConverter.Format(end)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Notification topics and the system messages of a channel's websocket.</summary>
    public static class Topics
    {
        /// <summary>Heartbeats and the answer to a ping.</summary>
        public const string ChannelMetadata = "channel.metadata";

        /// <summary>Sent about a minute before a maintenance close: move to a new channel.</summary>
        public const string SocketClosing = "v2.system.socket_closing";

        /// <summary>Every conversation of a user; the body is a <see cref="ConversationEventBody"/>.</summary>
        public static string UserConversations(string userId) => $"v2.users.{userId}.conversations";

        /// <summary>The calls of a user; the body is a <see cref="ConversationEventBody"/>.</summary>
        public static string UserConversationCalls(string userId) => $"v2.users.{userId}.conversations.calls";
    }

    /// <summary>The <c>message</c> of <see cref="SystemMessageBody"/>, both ways on the websocket.</summary>
    public static class SystemMessages
    {
        public const string Heartbeat = "WebSocket Heartbeat";

        /// <summary>What a client sends (<c>{"message":"ping"}</c>) to learn whether the socket is alive.</summary>
        public const string Ping = "ping";

        /// <summary>The answer to a ping, on <see cref="Topics.ChannelMetadata"/>.</summary>
        public const string Pong = "pong";
    }

    /// <summary>The <c>state</c> of an agent participant whose call has ended (then <c>endTime</c> is set).</summary>
    public static class ParticipantStates
    {
        public const string Disconnected = "disconnected";
        public const string Terminated = "terminated";
    }

    /// <summary>Participant purposes the integration tells apart.</summary>
    public static class Purposes
    {
        public const string Agent = "agent";
        public const string Customer = "customer";
    }

    /// <summary>The <c>state</c> of a topic in a subscription answer.</summary>
    public static class TopicStates
    {
        public const string Permitted = "Permitted";
        public const string Rejected = "Rejected";
    }

    /// <summary>The <c>fileState</c> of a recording; only an available one can be downloaded.</summary>
    public static class FileStates
    {
        public const string Available = "AVAILABLE";
        public const string Archived = "ARCHIVED";
        public const string Deleted = "DELETED";
    }

    /// <summary>Values of <c>formatId</c>; Genesys transcodes to WEBM when the request names none.</summary>
    public static class RecordingFormats
    {
        public const string Wav = "WAV";
        public const string Webm = "WEBM";
        public const string WavUlaw = "WAV_ULAW";
        public const string OggVorbis = "OGG_VORBIS";
        public const string OggOpus = "OGG_OPUS";
        public const string Mp3 = "MP3";
        public const string None = "NONE";
    }

    /// <summary>The <c>code</c> of <see cref="GenesysErrorResponse"/> for the cases the integration handles.</summary>
    public static class ErrorCodes
    {
        public const string TooManyRequests = "too.many.requests.retry.after";
        public const string BadRequest = "bad.request";
        public const string NotFound = "not.found";
        public const string BadCredentials = "bad.credentials";
        public const string ServiceUnavailable = "service.unavailable";
        public const string InternalServerError = "internal.server.error";
    }
}
