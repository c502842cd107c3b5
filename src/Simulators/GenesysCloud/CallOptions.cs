namespace KnovvuOrleans.Simulators.GenesysCloud;

/// <summary>How a scripted call (<see cref="ScriptedCalls.EndCall"/>) went; every setting has a plain default.</summary>
public sealed record CallOptions
{
    /// <summary>When the call started; null: <see cref="Duration"/> before now on the simulator's clock. Kept to milliseconds, as Genesys does.</summary>
    public DateTimeOffset? Start { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>"inbound" or "outbound".</summary>
    public string Direction { get; init; } = "inbound";

    /// <summary>The caller's address; null: a number made from the conversation.</summary>
    public string? Ani { get; init; }

    /// <summary>The dialled address.</summary>
    public string Dnis { get; init; } = "tel:+15550100000";

    /// <summary>The queue the call came through, on the agent's segment and participant; null: a direct call.</summary>
    public string? QueueId { get; init; }

    /// <summary>The agent's wrap-up code, on a wrapup segment and in the event; null: none.</summary>
    public string? WrapUpCode { get; init; }

    /// <summary>The agent's disconnect type ("peer": the customer hung up; "client": the agent did).</summary>
    public string DisconnectType { get; init; } = "peer";

    /// <summary>How many recordings the call has (0 to 10); they split the call into equal parts.</summary>
    public int Recordings { get; init; } = 1;

    /// <summary>The size of each recording's WAV file, in bytes (header included).</summary>
    public int AudioBytes { get; init; } = 8 * 1024;

    /// <summary>How many recordings requests of this conversation are answered 202 (transcoding) before the 200.</summary>
    public int TranscodingPolls { get; init; }

    /// <summary>How long after the call's end, on the simulator's clock, its recordings are answered 202 at least.</summary>
    public TimeSpan TranscodingTime { get; init; }

    /// <summary>False: the call ends without any notification (only the details query finds it, as after a missed event).</summary>
    public bool PublishEvent { get; init; } = true;

    /// <summary>True: the call is still going (<see cref="ScriptedCalls.StartCall"/>): no end in its details, recordings answer 202.</summary>
    internal bool InProgress { get; init; }

    internal void Validate()
    {
        if (Duration <= TimeSpan.Zero || Recordings is < 0 or > 10 || AudioBytes is < 64 or > 256 * 1024 * 1024
            || TranscodingPolls < 0 || TranscodingTime < TimeSpan.Zero || Direction is not ("inbound" or "outbound"))
        {
            throw new ArgumentException(
                "A call lasts a positive time, has 0 to 10 recordings of 64 B to 256 MiB, no negative transcoding, and is inbound or outbound.");
        }
    }
}
