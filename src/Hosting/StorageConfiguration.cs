using KnovvuOrleans.Runtime.Hosting;

namespace KnovvuOrleans.Hosting;

public static class StorageConfiguration
{
    /// <summary>Gives the runtime the storage provider that <paramref name="storage"/> names.</summary>
    public static GrainRuntimeBuilder UseStorage(this GrainRuntimeBuilder runtime, StorageOptions storage)
    {
        switch (storage.Provider)
        {
            case "InMemory":
                return runtime.UseInMemory();
            case "Postgres" when !string.IsNullOrWhiteSpace(storage.PostgresConnectionString):
                return runtime.UsePostgres(storage.PostgresConnectionString);
            default:
                throw new InvalidOperationException(
                    "Storage:Provider must be InMemory or Postgres, and Postgres needs Storage:PostgresConnectionString.");
        }
    }
}
