namespace KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;

/// <summary>
/// The Knovvu Analytics (CA) API as the VA integration calls it (seed 000): paths, scope and fixed values, shared by
/// the real client and the simulator. Paths are relative: resolve them against a base URL that ends in "/", so that
/// a base URL with a path of its own keeps it.
/// </summary>
public static class KnovvuAnalyticsApi
{
    /// <summary>The OAuth2 token endpoint, relative to the identity server's base URL.</summary>
    public const string TokenPath = "connect/token";

    /// <summary>POST Departments-Agents, relative to the service base URL.</summary>
    public const string DepartmentsAgentsPath = "api/departments-agents";

    /// <summary>POST Chats (one chat per request), relative to the service base URL.</summary>
    public const string ChatsPath = "api/chats";

    /// <summary>The OpenID application scope the CA tenant defines for the integration; note the space in its name.</summary>
    public const string Scope = "Virtual Agent";

    /// <summary>The fixed <c>SourceName</c> of every chat the VA sends.</summary>
    public const string SourceName = "Knovvu Virtual Agent";

    /// <summary>Values of <c>ChatLines[].SideId</c>.</summary>
    public static class Sides
    {
        public const int Agent = 1;
        public const int Customer = 2;
    }

    /// <summary>The keys of <c>AttachedData</c> the VA sends.</summary>
    public static class AttachedDataKeys
    {
        public const string AdditionalLanguages = "additionalLanguages";
        public const string Direction = "direction";
        public const string ConversationType = "conversationType";
        public const string LcTransfer = "lcTransfer";
    }

    /// <summary>Values of the <c>conversationType</c> attached data: IVR sessions are calls, all other channels chats.</summary>
    public static class ConversationTypes
    {
        public const string Call = "call";
        public const string Chat = "chat";
    }
}
