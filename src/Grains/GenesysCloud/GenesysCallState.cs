namespace KnovvuOrleans.Grains.GenesysCloud;

/// <summary>What a Genesys call grain keeps: whether the call is imported (and where its audio went), or waiting for transcoding.</summary>
public sealed record GenesysCallState
{
    public bool Imported { get; init; }

    public DateTimeOffset? ImportedAt { get; init; }

    public IReadOnlyList<StoredRecording> Recordings { get; init; } = [];

    /// <summary>True while the retry reminder is registered (recordings were still transcoding).</summary>
    public bool RetryScheduled { get; init; }

    /// <summary>How many attempts found a recording still transcoding.</summary>
    public int TranscodingAnswers { get; init; }
}
