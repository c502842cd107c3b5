namespace KnovvuOrleans.Hosting;

/// <summary>Where a host keeps grain state, reminders and streams (configuration section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>"InMemory" (the default: nothing to install, nothing kept) or "Postgres".</summary>
    public string Provider { get; set; } = "InMemory";

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is "Postgres".</summary>
    public string? PostgresConnectionString { get; set; }
}
