namespace KnovvuOrleans.Gateway.Http;

/// <summary>The gateway's HTTP limits (configuration section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The largest request body any route accepts; configuration documents are small.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest body of the routes that take batches (VA sessions).</summary>
    public long MaxIngestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// The largest analysis result (transcripts of a long call fit); small enough that the few a conversation may
    /// hold before it is recorded keep its grain state modest.
    /// </summary>
    public long MaxAnalysisBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest request target (path and query as sent); longer is answered 414.</summary>
    public int MaxRequestTargetLength { get; set; } = 4096;

    /// <summary>The most bytes of request headers (names, values and separators); more is answered 431.</summary>
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;

    /// <summary>The most request headers; more is answered 431.</summary>
    public int MaxRequestHeaderCount { get; set; } = 64;
}
