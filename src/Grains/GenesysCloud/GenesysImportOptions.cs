using System.ComponentModel.DataAnnotations;
using KnovvuOrleans.Grains.Abstractions.GenesysCloud;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>How Genesys calls are imported (configuration section "GenesysCloud:Import").</summary>
public sealed class GenesysImportOptions
{
    public const string SectionName = "GenesysCloud:Import";

    /// <summary>The <c>formatId</c> recordings are asked for and stored in (see <see cref="GenesysCloudApi.RecordingFormats"/>).</summary>
    [Required(ErrorMessage = "GenesysCloud:Import:RecordingFormat must be set.")]
    public string RecordingFormat { get; set; } = GenesysCloudApi.RecordingFormats.Wav;

    /// <summary>How long Genesys may hold a recordings request while it transcodes (<c>maxWaitMs</c>, at most 5 s there).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "GenesysCloud:Import:RecordingMaxWait must be between 0 and 1 hour.")]
    public TimeSpan RecordingMaxWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one recording may take to download and store; a stalled download must not hold its call forever.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "GenesysCloud:Import:RecordingTransferTimeout must be between 1 second and 1 day.")]
    public TimeSpan RecordingTransferTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a call whose recordings are still transcoding waits before its grain tries again, by a reminder (so
    /// a crash does not lose it); the runtime's minimum reminder period when shorter.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "GenesysCloud:Import:RecordingRetryDelay must be positive (at most 1 day).")]
    public TimeSpan RecordingRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Attempts a call gets while its recordings are still transcoding (202) or its retries fail, before it is parked:
    /// its retry reminder is removed and the integration's status lists it with the reason, until an operator offers it
    /// again. The default, 60 at the default <see cref="RecordingRetryDelay"/>, waits about an hour.
    /// </summary>
    [Range(1, 100000, ErrorMessage = "GenesysCloud:Import:MaxRecordingAttempts must be between 1 and 100000.")]
    public int MaxRecordingAttempts { get; set; } = 60;

    /// <summary>
    /// How long the importer keeps starting imports of one delivered batch, so that one slow batch (a throttled org, a
    /// slow recording store) does not hold the tenant's stream; calls not started by then are imported when the batch
    /// is offered again (the ones done are only acknowledged again).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "GenesysCloud:Import:BatchTimeBudget must be positive (at most 1 hour).")]
    public TimeSpan BatchTimeBudget { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Calls of one tenant imported at the same time by its importer; the client's per-org limits apply below this.</summary>
    [Range(1, 256, ErrorMessage = "GenesysCloud:Import:MaxConcurrentImportsPerTenant must be between 1 and 256.")]
    public int MaxConcurrentImportsPerTenant { get; set; } = 4;
}
