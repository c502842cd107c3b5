namespace KnovvuOrleans.Gateway.GenesysCloud;

/// <summary>The answer of POST .../genesys/parked/retry: how many parked calls were offered again (0 when none was parked).</summary>
public sealed record GenesysParkedRetryResult(int OfferedAgain);
