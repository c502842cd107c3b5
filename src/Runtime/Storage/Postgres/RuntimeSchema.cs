namespace KnovvuOrleans.Runtime.Storage.Postgres;

/// <summary>The runtime's tables. Append new migrations; never edit one that has shipped.</summary>
internal static class RuntimeSchema
{
    public const string Name = "grain_runtime";

    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE grain_runtime.grain_state (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            state_name text NOT NULL,
            partition int NOT NULL,
            data text NULL,
            version bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (grain_type, grain_key, state_name));

        CREATE TABLE grain_runtime.reminders (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            name text NOT NULL,
            partition int NOT NULL,
            first_due timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            next_due timestamptz NOT NULL,
            version bigint NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name));
        CREATE INDEX reminders_next_due ON grain_runtime.reminders (next_due);

        CREATE TABLE grain_runtime.stream_heads (
            stream text PRIMARY KEY,
            last_seq bigint NOT NULL,
            attempts int NOT NULL DEFAULT 0,
            retry_at timestamptz NULL,
            last_error text NULL);

        CREATE TABLE grain_runtime.outbox (
            id bigserial PRIMARY KEY,
            stream text NOT NULL,
            partition int NOT NULL,
            seq bigint NOT NULL,
            event_id uuid NOT NULL,
            payload text NOT NULL,
            published_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (stream, seq));
        CREATE INDEX outbox_partition_id ON grain_runtime.outbox (partition, id);
        """,
        """
        CREATE TABLE grain_runtime.silos (
            silo_id text PRIMARY KEY,
            address text NOT NULL,
            started_at timestamptz NOT NULL DEFAULT now(),
            last_heartbeat timestamptz NOT NULL DEFAULT now(),
            left_at timestamptz NULL);

        CREATE TABLE grain_runtime.partitions (
            partition int PRIMARY KEY,
            owner text NULL,
            epoch bigint NOT NULL DEFAULT 0,
            lease_until timestamptz NOT NULL DEFAULT '-infinity');

        CREATE TABLE grain_runtime.keep_alive (
            grain_type text NOT NULL,
            grain_key text NOT NULL,
            partition int NOT NULL,
            PRIMARY KEY (grain_type, grain_key));
        CREATE INDEX keep_alive_partition ON grain_runtime.keep_alive (partition);
        """,
    ];
}
