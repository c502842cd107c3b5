using System.Net;

namespace KnovvuOrleans.Grains.KnovvuAnalytics;

/// <summary>CA refused a request for good (a 4xx other than 401, 408 and 429): sending it again will not help.</summary>
[GenerateSerializer, Alias("knovvu.CaRequestRejectedException")]
public sealed class CaRequestRejectedException(HttpStatusCode status, string detail)
    : Exception($"CA rejected the request with {(int)status}: {detail}")
{
    [Id(0)]
    public HttpStatusCode Status { get; } = status;
}
