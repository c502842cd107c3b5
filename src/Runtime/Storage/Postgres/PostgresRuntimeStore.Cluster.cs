using Npgsql;

namespace KnovvuOrleans.Runtime.Storage.Postgres;

/// <summary>Membership and partition leases; every time comparison uses PostgreSQL's clock.</summary>
public sealed partial class PostgresRuntimeStore
{
    public async Task RegisterSiloAsync(string siloId, string address, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO grain_runtime.silos (silo_id, address) VALUES ($1, $2)
            ON CONFLICT (silo_id) DO UPDATE SET address = EXCLUDED.address, last_heartbeat = now(), left_at = NULL
            """);
        command.Parameters.Add(new() { Value = siloId });
        command.Parameters.Add(new() { Value = address });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task HeartbeatAsync(string siloId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE grain_runtime.silos SET last_heartbeat = now() WHERE silo_id = $1", siloId, cancellationToken);

    public Task LeaveAsync(string siloId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE grain_runtime.silos SET left_at = now() WHERE silo_id = $1", siloId, cancellationToken);

    public async Task<IReadOnlyList<SiloRecord>> ReadLiveSilosAsync(TimeSpan deathTimeout, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT silo_id, address FROM grain_runtime.silos
            WHERE left_at IS NULL AND last_heartbeat > now() - $1
            ORDER BY silo_id
            """);
        command.Parameters.Add(new() { Value = deathTimeout });
        var silos = new List<SiloRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            silos.Add(new SiloRecord(reader.GetString(0), reader.GetString(1)));
        }

        return silos;
    }

    public async Task EnsurePartitionsAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO grain_runtime.partitions (partition) SELECT generate_series(0, $1 - 1) ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new() { Value = count });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PartitionLease>> ReadPartitionsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.partition, p.owner, p.epoch, p.lease_until > now(), s.address
            FROM grain_runtime.partitions p LEFT JOIN grain_runtime.silos s ON s.silo_id = p.owner
            ORDER BY p.partition
            """);
        return await ReadLeasesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<PartitionLease>> RenewAsync(
        string siloId, IReadOnlyDictionary<int, long> owned, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE grain_runtime.partitions p SET lease_until = now() + $2
            FROM unnest($3::int[], $4::bigint[]) AS o(partition, epoch)
            WHERE p.partition = o.partition AND p.epoch = o.epoch AND p.owner = $1
            RETURNING p.partition, p.owner, p.epoch, true, NULL::text
            """);
        command.Parameters.Add(new() { Value = siloId });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = owned.Keys.ToArray() });
        command.Parameters.Add(new() { Value = owned.Values.ToArray() });
        return await ReadLeasesAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<PartitionLease>> AcquireAsync(
        string siloId, IReadOnlyCollection<int> candidates, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: two silos racing for free partitions each take different ones instead of waiting.
        await using var command = dataSource.CreateCommand("""
            UPDATE grain_runtime.partitions p SET owner = $1, epoch = p.epoch + 1, lease_until = now() + $2
            WHERE p.partition IN (
                SELECT partition FROM grain_runtime.partitions
                WHERE partition = ANY($3) AND (owner IS NULL OR lease_until < now())
                ORDER BY partition LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING p.partition, p.owner, p.epoch, true, NULL::text
            """);
        command.Parameters.Add(new() { Value = siloId });
        command.Parameters.Add(new() { Value = lease });
        command.Parameters.Add(new() { Value = candidates.ToArray() });
        command.Parameters.Add(new() { Value = max });
        return await ReadLeasesAsync(command, cancellationToken);
    }

    public async Task ReleaseAsync(string siloId, int partition, long epoch, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE grain_runtime.partitions SET owner = NULL, lease_until = '-infinity'
            WHERE partition = $2 AND owner = $1 AND epoch = $3
            """);
        command.Parameters.Add(new() { Value = siloId });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = epoch });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task SetKeepAliveAsync(GrainId grain, int partition, bool keepAlive, OwnershipFence? fence, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(keepAlive
            ? "INSERT INTO grain_runtime.keep_alive (grain_type, grain_key, partition) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
            : "DELETE FROM grain_runtime.keep_alive WHERE grain_type = $1 AND grain_key = $2");
        command.Parameters.Add(new() { Value = grain.Type });
        command.Parameters.Add(new() { Value = grain.Key });
        if (keepAlive)
        {
            command.Parameters.Add(new() { Value = partition });
        }

        return FencedAsync(fence, [command], (_, _) => Task.FromResult(true), cancellationToken);
    }

    public async Task<IReadOnlyList<GrainId>> ReadKeepAliveAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT grain_type, grain_key FROM grain_runtime.keep_alive WHERE partition = ANY($1)");
        command.Parameters.Add(new() { Value = partitions.ToArray() });
        var grains = new List<GrainId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            grains.Add(new GrainId(reader.GetString(0), reader.GetString(1)));
        }

        return grains;
    }

    private async Task ExecuteAsync(string sql, string siloId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = siloId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<PartitionLease>> ReadLeasesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var leases = new List<PartitionLease>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leases.Add(new PartitionLease(
                reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return leases;
    }
}
