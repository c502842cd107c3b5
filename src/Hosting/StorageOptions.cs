using System.ComponentModel.DataAnnotations;
using KnovvuOrleans.Grains.Settings;
using Microsoft.Extensions.Configuration;

namespace KnovvuOrleans.Hosting;

/// <summary>Where a silo keeps membership, grain state, reminders and the product's tables (configuration section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public const string InMemory = "InMemory";

    public const string Postgres = "Postgres";

    /// <summary>"InMemory" (the default: nothing to install, nothing kept, one silo on localhost) or "Postgres".</summary>
    [AllowedValues(InMemory, Postgres, ErrorMessage = "Storage:Provider must be InMemory or Postgres.")]
    public string Provider { get; set; } = InMemory;

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is "Postgres".</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The section's settings, checked: a wrong provider stops the start with a message that says what to set.</summary>
    public static StorageOptions From(IConfiguration configuration) =>
        ValidatedOptionsServiceCollectionExtensions.Checked(configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            yield return new ValidationResult("Storage:PostgresConnectionString must be set for the Postgres provider.", [nameof(PostgresConnectionString)]);
        }
    }
}
