using Orleans;

namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>What a Genesys call grain keeps: whether the call is imported (and where its audio went), or waiting for transcoding.</summary>
[GenerateSerializer, Alias("knovvu.GenesysCallState")]
public sealed record GenesysCallState
{
    [Id(0)]
    public bool Imported { get; init; }

    [Id(1)]
    public DateTimeOffset? ImportedAt { get; init; }

    [Id(2)]
    public IReadOnlyList<StoredRecording> Recordings { get; init; } = [];

    /// <summary>True while the retry reminder is registered (recordings were still transcoding).</summary>
    [Id(3)]
    public bool RetryScheduled { get; init; }

    /// <summary>How many attempts found a recording still transcoding.</summary>
    [Id(4)]
    public int TranscodingAnswers { get; init; }

    /// <summary>Attempts since the call was last offered that did not import it (still transcoding, or a retry failed).</summary>
    [Id(5)]
    public int FailedAttempts { get; init; }

    /// <summary>Set once <see cref="GenesysImportOptions.MaxRecordingAttempts"/> is used up: no retry until it is offered again.</summary>
    [Id(6)]
    public string? ParkedReason { get; init; }
}
