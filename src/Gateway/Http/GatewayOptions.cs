using System.ComponentModel.DataAnnotations;

namespace KnovvuOrleans.Gateway.Http;

/// <summary>The gateway's HTTP limits (configuration section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The largest request body any route accepts; configuration documents are small.</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "Gateway:MaxRequestBodyBytes must be positive.")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest body of the routes that take batches (VA sessions).</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "Gateway:MaxIngestBodyBytes must be positive.")]
    public long MaxIngestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// The largest analysis result (transcripts of a long call fit); small enough that the few a conversation may
    /// hold before it is recorded keep its grain state modest.
    /// </summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = "Gateway:MaxAnalysisBodyBytes must be positive.")]
    public long MaxAnalysisBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest request target (path and query as sent); longer is answered 414.</summary>
    [Range(1, 1024 * 1024, ErrorMessage = "Gateway:MaxRequestTargetLength must be 1 to 1048576.")]
    public int MaxRequestTargetLength { get; set; } = 4096;

    /// <summary>The most bytes of request headers (names, values and separators); more is answered 431.</summary>
    [Range(1, 1024 * 1024, ErrorMessage = "Gateway:MaxRequestHeadersBytes must be 1 to 1048576.")]
    public int MaxRequestHeadersBytes { get; set; } = 16 * 1024;

    /// <summary>The most request headers; more is answered 431.</summary>
    [Range(1, 1000, ErrorMessage = "Gateway:MaxRequestHeaderCount must be 1 to 1000.")]
    public int MaxRequestHeaderCount { get; set; } = 64;
}
