using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace KnovvuOrleans.Grains.Telemetry;

/// <summary>
/// The product's own meter (<see cref="MeterName"/>): what each tenant's traffic did, tagged with
/// <see cref="TenantTag"/>. Names follow OpenTelemetry's dotted style; the Prometheus endpoint shows them with
/// underscores and a <c>_total</c> suffix on counters (knovvu.va.sessions.in: knovvu_va_sessions_in_total).
/// </summary>
public sealed class KnovvuMetrics
{
    public const string MeterName = "KnovvuOrleans";

    public const string TenantTag = "tenant";

    private readonly Counter<long> _sessionsIn;
    private readonly Counter<long> _sentToCa;
    private readonly Counter<long> _caFailures;
    private readonly Counter<long> _eventsOut;
    private readonly Histogram<double> _dataFeederLag;
    private readonly Counter<long> _reportsBuilt;
    private readonly Counter<long> _genesysCallsImported;

    // Each tenant's importer lives on one silo at a time: the silo holding it reports its backlog.
    private readonly ConcurrentDictionary<string, long> _importBacklog = new(StringComparer.Ordinal);

    public KnovvuMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sessionsIn = meter.CreateCounter<long>("knovvu.va.sessions.in", "{session}",
            "VA sessions recorded (a session sent again is not counted again).");
        _sentToCa = meter.CreateCounter<long>("knovvu.ca.sessions.sent", "{session}",
            "VA sessions Knovvu Analytics acknowledged.");
        _caFailures = meter.CreateCounter<long>("knovvu.ca.failures", "{failure}",
            "Knovvu Analytics refusals of a session (reason=refused) and VA → CA runs stopped by an unreachable CA (reason=unavailable).");
        _eventsOut = meter.CreateCounter<long>("knovvu.datafeeder.events.out", "{event}",
            "Data Feeder events the tenant's Kafka topic acknowledged.");
        _dataFeederLag = meter.CreateHistogram<double>("knovvu.datafeeder.lag", "s",
            "Time from an event being raised to its acknowledgement by Kafka.");
        _reportsBuilt = meter.CreateCounter<long>("knovvu.reports.built", "{chunk}",
            "Hourly daily-report chunks built and stored.");
        _genesysCallsImported = meter.CreateCounter<long>("knovvu.genesys.calls.imported", "{call}",
            "Genesys Cloud calls imported (a call imported already is not counted again).");
        meter.CreateObservableGauge("knovvu.genesys.import.backlog",
            () => _importBacklog.Select(t => new Measurement<long>(t.Value, Tenant(t.Key))),
            "{call}", "Genesys calls of the batch being imported that are not done yet.");
    }

    public void SessionIn(string tenantId) => _sessionsIn.Add(1, Tenant(tenantId));

    public void SentToCa(string tenantId) => _sentToCa.Add(1, Tenant(tenantId));

    public void CaRefused(string tenantId) => _caFailures.Add(1, Tenant(tenantId), new("reason", "refused"));

    public void CaUnavailable(string tenantId) => _caFailures.Add(1, Tenant(tenantId), new("reason", "unavailable"));

    /// <summary>Events acknowledged by Kafka, with the lag of each (raised at <paramref name="raisedAt"/>).</summary>
    public void EventsOut(string tenantId, IEnumerable<DateTimeOffset> raisedAt, DateTimeOffset now)
    {
        var tenant = Tenant(tenantId);
        var count = 0;
        foreach (var raised in raisedAt)
        {
            _dataFeederLag.Record(Math.Max(0, (now - raised).TotalSeconds), tenant);
            count++;
        }

        _eventsOut.Add(count, tenant);
    }

    public void ReportBuilt(string tenantId) => _reportsBuilt.Add(1, Tenant(tenantId));

    public void GenesysCallImported(string tenantId) => _genesysCallsImported.Add(1, Tenant(tenantId));

    /// <summary>The tenant's import backlog on this silo; null when its importer leaves the silo.</summary>
    public void ImportBacklog(string tenantId, long? calls)
    {
        if (calls is { } value)
        {
            _importBacklog[tenantId] = value;
        }
        else
        {
            _importBacklog.TryRemove(tenantId, out _);
        }
    }

    private static KeyValuePair<string, object?> Tenant(string tenantId) => new(TenantTag, tenantId);
}
