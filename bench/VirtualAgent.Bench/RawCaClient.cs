using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnovvuOrleans.Grains.Abstractions.KnovvuAnalytics;
using KnovvuOrleans.Simulators.KnovvuAnalytics;

namespace KnovvuOrleans.VirtualAgent.Bench;

/// <summary>
/// The limit beside VA → CA: a plain HttpClient posting the same chats (those CA received from the product's run,
/// under new external ids) to the same simulator with as many requests in flight as the product's job, one token
/// for all. No database, no grains, no retries.
/// </summary>
internal static class RawCaClient
{
    public static async Task<double> PostAsync(KnovvuAnalyticsSimulator ca, IReadOnlyList<ChatRequest> chats, string clientId, string secret, int inFlight, string prefix)
    {
        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(ca.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = KnovvuAnalyticsApi.Scope,
        }));
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var endpoint = new Uri(ca.BaseUrl, KnovvuAnalyticsApi.ChatsPath);

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (chat, cancellationToken) =>
        {
            // Serialized as the product's client does (the contract's own property names).
            using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(chat with { ExternalId = prefix + chat.ExternalId }));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(endpoint, body, cancellationToken);
            response.EnsureSuccessStatusCode();
        });
        return chats.Count / watch.Elapsed.TotalSeconds;
    }
}
