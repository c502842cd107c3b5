using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnovvuOrleans.Gateway.Tests.Support;

/// <summary>HTTP calls to a running gateway, the way a client makes them.</summary>
public sealed class GatewayApi(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, secret, scope);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonNode> ReadOkAsync(HttpMethod method, string path, string? token, string? body = null)
    {
        using var response = await SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<JsonNode> CreateTenantAsync(string hostToken, string id, string name) =>
        ReadOkAsync(HttpMethod.Post, "/api/host/tenants", hostToken, JsonSerializer.Serialize(new { id, name }));

    /// <summary>Registers a client of the tenant; returns its id and its one-time secret.</summary>
    public async Task<(string ClientId, string Secret)> RegisterClientAsync(string hostToken, string tenantId, params string[] scopes)
    {
        var client = await ReadOkAsync(HttpMethod.Post, $"/api/host/tenants/{tenantId}/clients", hostToken,
            JsonSerializer.Serialize(new { name = $"{tenantId} test client", scopes }));
        return (client["clientId"]!.GetValue<string>(), client["clientSecret"]!.GetValue<string>());
    }
}
