using KnovvuOrleans.Hosting.OrleansSchema;
using Orleans.Runtime;

namespace KnovvuOrleans.Hosting;

/// <summary>
/// Applies the Orleans schema before anything of the silo touches the database: the ADO.NET providers read their SQL
/// from it. Idempotent and serialised by an advisory lock, so silos starting together are safe.
/// </summary>
internal sealed class OrleansSchemaMigration(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansSchemaMigration), ServiceLifecycleStage.First,
            cancellationToken => OrleansPostgresSchema.MigrateAsync(connectionString, cancellationToken));
}
