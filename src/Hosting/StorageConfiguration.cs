using KnovvuOrleans.Grains.Storage;
using KnovvuOrleans.Runtime.Hosting;

namespace KnovvuOrleans.Hosting;

public static class StorageConfiguration
{
    /// <summary>
    /// Gives the runtime, the conversation log and the Data Protection key ring the storage provider that
    /// <paramref name="storage"/> names.
    /// </summary>
    public static GrainRuntimeBuilder UseStorage(this GrainRuntimeBuilder runtime, StorageOptions storage)
    {
        switch (storage.Provider)
        {
            case "InMemory":
                runtime.Services.AddKnovvuInMemoryStorage();
                return runtime.UseInMemory();
            case "Postgres" when !string.IsNullOrWhiteSpace(storage.PostgresConnectionString):
                runtime.Services.AddKnovvuPostgresStorage();
                return runtime.UsePostgres(storage.PostgresConnectionString);
            default:
                throw new InvalidOperationException(
                    "Storage:Provider must be InMemory or Postgres, and Postgres needs Storage:PostgresConnectionString.");
        }
    }
}
