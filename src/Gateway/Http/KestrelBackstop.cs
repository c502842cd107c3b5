using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>
/// Sets Kestrel's own request-line and header limits to four times the gateway's documented ones: the documented limits
/// are applied by <see cref="RequestHeadLimitMiddleware"/> (with a problem naming the limit) and Kestrel's only bound
/// memory against requests far beyond them (refused before any middleware, with the generic problem of
/// <see cref="ServerRefusals.ServerRefusalProblems"/>).
/// </summary>
internal sealed class KestrelBackstop(IOptions<GatewayOptions> gateway) : IConfigureOptions<KestrelServerOptions>
{
    public const int Factor = 4;

    public void Configure(KestrelServerOptions options)
    {
        var limits = gateway.Value;
        // The request line also holds the method and the version.
        options.Limits.MaxRequestLineSize = Math.Max(options.Limits.MaxRequestLineSize, Factor * limits.MaxRequestTargetLength + 64);
        options.Limits.MaxRequestHeadersTotalSize = Math.Max(options.Limits.MaxRequestHeadersTotalSize, Factor * limits.MaxRequestHeadersBytes);
        options.Limits.MaxRequestHeaderCount = Math.Max(options.Limits.MaxRequestHeaderCount, Factor * limits.MaxRequestHeaderCount);
    }
}
