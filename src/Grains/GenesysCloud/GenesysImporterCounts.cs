using KnovvuOrleans.Grains.Abstractions.GenesysCloud;
using Orleans;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>
/// The importer's counts as stored after each batch, so that the status shows the tenant's totals rather than one
/// activation's (the backlog and the last error describe the running activation only and are not kept).
/// </summary>
[GenerateSerializer, Alias("knovvu.GenesysImporterCounts")]
public sealed record GenesysImporterCounts
{
    [Id(0)]
    public long CallsReceived { get; init; }

    [Id(1)]
    public long Imported { get; init; }

    [Id(2)]
    public long AlreadyImported { get; init; }

    [Id(3)]
    public long RecordingsPending { get; init; }

    [Id(4)]
    public long NotInstalled { get; init; }

    [Id(5)]
    public long Refused { get; init; }

    [Id(6)]
    public DateTimeOffset? LastEventAt { get; init; }

    public static GenesysImporterCounts Of(GenesysImporterStatus status) => new()
    {
        CallsReceived = status.CallsReceived,
        Imported = status.Imported,
        AlreadyImported = status.AlreadyImported,
        RecordingsPending = status.RecordingsPending,
        NotInstalled = status.NotInstalled,
        Refused = status.Refused,
        LastEventAt = status.LastEventAt,
    };

    public GenesysImporterStatus ToStatus() =>
        new(CallsReceived, 0, Imported, AlreadyImported, RecordingsPending, NotInstalled, Refused, LastEventAt, null);
}
