using System.Net;
using System.Net.Http.Headers;

namespace KnovvuOrleans.Grains.Outbound;

/// <summary>The per-client state the attempt handlers share (the handlers themselves are recycled by the factory).</summary>
/// <param name="Throttle">Null when a 429 throttles only its own request (<see cref="OutboundClientOptions.PauseTenantOnThrottle"/>).</param>
internal sealed record TenantAttemptState(TokenCache Tokens, TenantThrottle? Throttle);

/// <summary>
/// One attempt of a tenant's request, inside its resilience pipeline: it waits out a pause a 429 asked of the tenant,
/// adds the cached bearer token (one more try with a fresh one when refused with 401), and starts a pause on a 429.
/// </summary>
internal sealed class TenantAttemptHandler(TenantAttemptState state) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tenant = TenantRequestOptions.TenantOf(request);
        if (state.Throttle is { } throttle)
        {
            await throttle.WaitWhilePausedAsync(tenant, cancellationToken);
        }

        HttpResponseMessage response;
        if (request.Options.TryGetValue(TenantRequestOptions.Token, out var source))
        {
            var token = await state.Tokens.GetAsync(source.Key, source.Request);
            response = await SendWithTokenAsync(request, token, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token expired early or was revoked: one more try with a fresh one.
                response.Dispose();
                state.Tokens.Invalidate(source.Key, token);
                response = await SendWithTokenAsync(request, await state.Tokens.GetAsync(source.Key, source.Request), cancellationToken);
            }
        }
        else
        {
            response = await base.SendAsync(request, cancellationToken);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            state.Throttle?.Pause(tenant, response);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
