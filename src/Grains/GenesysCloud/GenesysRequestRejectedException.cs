using System.Net;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>Genesys Cloud refused a request for good (a 4xx other than 401, 408 and 429).</summary>
[GenerateSerializer, Alias("knovvu.GenesysRequestRejectedException")]
public sealed class GenesysRequestRejectedException(HttpStatusCode status, string detail)
    : Exception($"Genesys Cloud refused the request with {(int)status}: {detail}")
{
    [Id(0)]
    public HttpStatusCode Status { get; } = status;
}
