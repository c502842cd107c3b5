using KnovvuOrleans.Grains.Abstractions.Streaming;
using Orleans;
using Orleans.Concurrency;

namespace KnovvuOrleans.Grains.Abstractions.GenesysCloud;

/// <summary>
/// A tenant's Genesys call importer (key: tenant id): the implicit subscriber of the tenant's
/// <see cref="GenesysCallsStream"/>, which imports each ended call through its <see cref="IGenesysCallGrain"/>.
/// </summary>
[Alias("knovvu.IGenesysCallImporterGrain")]
public interface IGenesysCallImporterGrain : IOutboxSubscriberGrain
{
    /// <summary>The tenant's counts (stored after each batch, kept across activations); the backlog and last error of this activation.</summary>
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<GenesysImporterStatus> GetStatus();
}

/// <param name="CallsReceived">Call-ended events delivered, repeats included.</param>
/// <param name="Backlog">Calls of the batch being imported that are not done yet: ended, not imported.</param>
/// <param name="RecordingsPending">Imports that found a recording still transcoding (their call grains retry them).</param>
/// <param name="Refused">Calls Genesys refused for good (e.g. 404): left to the nightly reconciliation.</param>
/// <param name="LastEventAt">The latest end time of the calls delivered (a repeat of an older call leaves it).</param>
[GenerateSerializer, Alias("knovvu.GenesysImporterStatus")]
public sealed record GenesysImporterStatus(
    long CallsReceived,
    int Backlog,
    long Imported,
    long AlreadyImported,
    long RecordingsPending,
    long NotInstalled,
    long Refused,
    DateTimeOffset? LastEventAt,
    string? LastError);
