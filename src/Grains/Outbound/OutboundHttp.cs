namespace KnovvuOrleans.Grains.Outbound;

/// <summary>
/// One client's way to an outside service, per tenant: each request goes through the named client registered by
/// <see cref="TenantResilience.AddTenantResilientHttpClient{TOptions}"/>, which gives it the tenant's resilience
/// pipeline and, per attempt, its token and 429 pause.
/// </summary>
public sealed class OutboundHttp(IHttpClientFactory http, string clientName)
{
    /// <summary>A client for the token requests themselves (no tenant pipeline, no bearer token).</summary>
    public HttpClient TokenClient => http.CreateClient(TenantResilience.TokenClientName(clientName));

    /// <summary>A relative path against a base URL, keeping the base's own path whether or not it ends in "/".</summary>
    public static Uri Resolve(Uri baseUrl, string path) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), path);

    /// <param name="tokenKey">Which cached token: the tenant, its identity endpoint and its client.</param>
    /// <param name="requestToken">Asks the identity server for a token and its lifetime.</param>
    /// <param name="request">The request; its content must be readable more than once (attempts resend it).</param>
    /// <param name="completion">
    /// <see cref="HttpCompletionOption.ResponseHeadersRead"/> to stream a large body: the caller reads and disposes it.
    /// </param>
    public Task<HttpResponseMessage> SendAsync(
        string tenantId, string tokenKey, Func<Task<(string Token, TimeSpan Lifetime)>> requestToken,
        HttpRequestMessage request, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        request.Options.Set(TenantRequestOptions.Tenant, tenantId);
        request.Options.Set(TenantRequestOptions.Token, new BearerTokenSource(tokenKey, requestToken));
        return http.CreateClient(clientName).SendAsync(request, completion, cancellationToken);
    }

    /// <summary>
    /// A request that carries its own authorisation (a signed download URI, which refuses a second one), through the
    /// tenant's same pipeline and pauses.
    /// </summary>
    public Task<HttpResponseMessage> SendWithoutTokenAsync(
        string tenantId, HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        request.Options.Set(TenantRequestOptions.Tenant, tenantId);
        return http.CreateClient(clientName).SendAsync(request, completion, cancellationToken);
    }
}
