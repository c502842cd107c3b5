using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace KnovvuOrleans.Demo.Provisioning;

/// <summary>The demo's calls to the gateway's public HTTP API, as any client of it would make them.</summary>
public sealed class GatewayClient(HttpClient http)
{
    /// <summary>An access token by OAuth2 client credentials.</summary>
    public async Task<string> TokenAsync(string clientId, string clientSecret, CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        using var response = await http.PostAsync("/connect/token", form, cancellationToken);
        var body = await EnsureSuccessAsync(response, "/connect/token", cancellationToken);
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>Sends <paramref name="body"/> as JSON; throws <see cref="GatewayCallException"/> on a non-success answer.</summary>
    public async Task<JsonNode> SendAsync(HttpMethod method, string path, string token, object? body = null, CancellationToken cancellationToken = default)
    {
        using var response = await TrySendAsync(method, path, token, body, cancellationToken);
        return await EnsureSuccessAsync(response, path, cancellationToken);
    }

    /// <summary>Sends without judging the answer (the caller decides what a status means).</summary>
    private async Task<HttpResponseMessage> TrySendAsync(HttpMethod method, string path, string token, object? body = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonNode> EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new GatewayCallException(path, response.StatusCode, text);
        }

        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }
}

/// <summary>A gateway call that did not succeed; the message has the status and the problem body (never a secret).</summary>
public sealed class GatewayCallException(string path, HttpStatusCode status, string body)
    : Exception($"{path}: {(int)status} {body}");
