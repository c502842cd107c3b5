using System.Net;
using System.Net.Http.Headers;
using Polly;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// One client's way to an outside service, per tenant: its resilience pipeline around each request, and in each
/// attempt the tenant's rate limit, a cached bearer token (renewed once when refused), and the pause a 429 asks for.
/// </summary>
public sealed class OutboundHttp(IHttpClientFactory http, string clientName, OutboundClientOptions options, TimeProvider time)
{
    private readonly TenantResilience _resilience = new(options, time);
    private readonly TokenCache _tokens = new(time, options.TokenRefreshMargin);

    public HttpClient Client => http.CreateClient(clientName);

    /// <summary>A relative path against a base URL, keeping the base's own path whether or not it ends in "/".</summary>
    public static Uri Resolve(Uri baseUrl, string path) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), path);

    /// <param name="tokenKey">Which cached token: the tenant, its identity endpoint and its client.</param>
    /// <param name="requestToken">Asks the identity server for a token and its lifetime.</param>
    /// <param name="createRequest">A new request per attempt (a request message cannot be sent twice).</param>
    /// <param name="completion">
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/> to stream a large body: the caller reads and disposes it.
    /// </param>
    public async Task<HttpResponseMessage> SendAsync(
        string tenantId, string tokenKey, Func<Task<(string Token, TimeSpan Lifetime)>> requestToken,
        Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        await _resilience.PipelineFor(tenantId).ExecuteAsync(async attempt =>
        {
            using var lease = await _resilience.AcquireAsync(tenantId, attempt);
            var token = await _tokens.GetAsync(tokenKey, requestToken);
            await _resilience.WaitWhilePausedAsync(tenantId, attempt);
            var response = await SendWithTokenAsync(createRequest(), token, completion, attempt);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token expired early or was revoked: one more try with a fresh one.
                response.Dispose();
                _tokens.Invalidate(tokenKey, token);
                response = await SendWithTokenAsync(createRequest(), await _tokens.GetAsync(tokenKey, requestToken), completion, attempt);
            }

            PauseIfThrottled(tenantId, response);
            return response;
        }, cancellationToken);

    /// <summary>
    /// A request that carries its own authorisation (a signed download URI, which refuses a second one), through the
    /// tenant's same limits, pauses and retries.
    /// </summary>
    public async Task<HttpResponseMessage> SendWithoutTokenAsync(
        string tenantId, Func<HttpRequestMessage> createRequest, HttpCompletionOption completion, CancellationToken cancellationToken) =>
        await _resilience.PipelineFor(tenantId).ExecuteAsync(async attempt =>
        {
            using var lease = await _resilience.AcquireAsync(tenantId, attempt);
            await _resilience.WaitWhilePausedAsync(tenantId, attempt);
            var response = await Client.SendAsync(createRequest(), completion, attempt);
            PauseIfThrottled(tenantId, response);
            return response;
        }, cancellationToken);

    private void PauseIfThrottled(string tenantId, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _resilience.Pause(tenantId, response);
        }
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(
        HttpRequestMessage request, string token, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request, completion, cancellationToken);
    }
}
