namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>What a Genesys Cloud simulator holds and did (GET _sim/state, for the demo).</summary>
/// <param name="Orgs">Per org.</param>
/// <param name="Channels">Live notification channels.</param>
/// <param name="ConnectedChannels">Live channels with a websocket.</param>
/// <param name="Topics">Topics over all live channels.</param>
/// <param name="EventsDelivered">Call-ended events written to a socket.</param>
/// <param name="EventsLost">Call-ended events no client got.</param>
/// <param name="Requests">Requests to the login server, the API, media and connect URIs, answered or not.</param>
/// <param name="RequestsByStatus">Requests per status sent (0: no answer; 101: a websocket).</param>
/// <param name="TokensIssued">Successful token requests.</param>
/// <param name="FaultRules">Fault rules in force.</param>
public sealed record GenesysCloudCounts(
    IReadOnlyDictionary<string, GenesysOrgCounts> Orgs,
    int Channels,
    int ConnectedChannels,
    int Topics,
    int EventsDelivered,
    int EventsLost,
    int Requests,
    IReadOnlyDictionary<int, int> RequestsByStatus,
    int TokensIssued,
    int FaultRules);

/// <summary>What one org holds; <paramref name="GroupMembers"/> counts each group's listing.</summary>
public sealed record GenesysOrgCounts(int Users, int Groups, int GroupMembers, int Conversations, int Recordings);
