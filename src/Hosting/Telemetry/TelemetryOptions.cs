namespace KnovvuOrleans.Hosting.Telemetry;

/// <summary>
/// The process's telemetry (configuration section "Telemetry"). The OTLP exporter is set with OpenTelemetry's standard
/// variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME), not here.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The only local port that serves <c>GET /metrics</c>; unset: every port the process listens on. The metrics name
    /// tenants, so a gateway facing the internet serves them on a second, internal port only.
    /// </summary>
    public int? MetricsPort { get; set; }
}
