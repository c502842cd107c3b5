namespace KnovvuOrleans.Grains.Abstractions.DataFeeder.Replay;

public static class ReplayStates
{
    public const string Running = "running";

    public const string Completed = "completed";

    public const string Cancelled = "cancelled";
}
