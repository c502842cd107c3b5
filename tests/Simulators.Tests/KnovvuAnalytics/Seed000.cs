using System.Text.Json.Nodes;

namespace KnovvuOrleans.Simulators.Tests.KnovvuAnalytics;

/// <summary>The example request bodies of seed 000, as given, and variations of them.</summary>
internal static class Seed000
{
    /// <summary>The agent the seed's Departments-Agents body creates and its chat names.</summary>
    public const string AgentExternalId = "VA.<TenantId>.<ProjectId>.<channelId>";

    public const string DepartmentExternalId = "VA.<TenantId>.<ProjectId>";

    public const string ChatExternalId = "{{externalId}}";

    public static string DepartmentsAgents { get; } = Read("departments-agents.json");

    public static string Chat { get; } = Read("chat.json");

    public static string ChatWith(Action<JsonObject> change) => Change(Chat, change);

    public static string ChatWithId(string externalId) => ChatWith(chat => chat["ExternalId"] = externalId);

    public static string DepartmentsAgentsWith(Action<JsonObject> change) => Change(DepartmentsAgents, change);

    /// <summary>Renames a property (it moves to the end, which JSON objects do not mind).</summary>
    public static void Rename(JsonObject owner, string from, string to)
    {
        var value = owner[from];
        owner.Remove(from);
        owner[to] = value;
    }

    private static string Change(string json, Action<JsonObject> change)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        change(body);
        return body.ToJsonString();
    }

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KnovvuAnalytics", "Seed000", name));
}
