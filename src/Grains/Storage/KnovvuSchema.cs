using Npgsql;

namespace KnovvuOrleans.Grains.Storage;

/// <summary>The product's own tables, in the <c>knovvu</c> schema. Append migrations; never edit a shipped one.</summary>
internal static class KnovvuSchema
{
    public const string Name = "knovvu";

    public static Task MigrateAsync(NpgsqlDataSource dataSource) =>
        new PostgresMigrator(dataSource, Name, Migrations).MigrateAsync(CancellationToken.None);

    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE knovvu.conversations (
            tenant_id text NOT NULL,
            external_id text NOT NULL,
            number bigserial NOT NULL,
            source text NOT NULL,
            status text NOT NULL,
            project_id text NULL,
            channel_id text NULL,
            is_call boolean NOT NULL,
            start_time timestamptz NOT NULL,
            end_time timestamptz NOT NULL,
            document text NOT NULL,
            ingested_at timestamptz NOT NULL DEFAULT now(),
            ca_sent_at timestamptz NULL,
            PRIMARY KEY (tenant_id, external_id));
        CREATE INDEX conversations_by_hour ON knovvu.conversations (tenant_id, start_time) WHERE status = 'published';
        CREATE INDEX conversations_ca_unsent ON knovvu.conversations (tenant_id, number)
            WHERE status = 'published' AND ca_sent_at IS NULL;

        CREATE TABLE knovvu.data_protection_keys (
            name text PRIMARY KEY,
            xml text NOT NULL);
        """,
        """
        CREATE TABLE knovvu.analysis_queue (
            tenant_id text NOT NULL,
            conversation_id text NOT NULL,
            source text NOT NULL,
            enqueued_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (tenant_id, conversation_id));
        """,
        // The durable streams' outbox: events wait here, in sequence order per stream, until their subscriber
        // handled them; a redelivery of the same event id is skipped while it is still waiting.
        """
        CREATE TABLE knovvu.stream_outbox (
            sequence bigserial PRIMARY KEY,
            stream_namespace text NOT NULL,
            stream_key text NOT NULL,
            event_id uuid NOT NULL UNIQUE,
            published_at timestamptz NOT NULL,
            payload text NOT NULL,
            appended_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX stream_outbox_by_stream ON knovvu.stream_outbox (stream_namespace, stream_key, sequence);
        CREATE INDEX stream_outbox_by_age ON knovvu.stream_outbox (appended_at);
        """,
        // A conversation CA refused for good waits here, with CA's reason, until its settings change or an operator
        // offers it again; the CA job's reads skip it.
        """
        ALTER TABLE knovvu.conversations ADD COLUMN ca_parked_at timestamptz NULL, ADD COLUMN ca_parked_reason text NULL;
        CREATE INDEX conversations_ca_parked ON knovvu.conversations (tenant_id, ca_parked_at) WHERE ca_parked_at IS NOT NULL;
        """,
        // Every Data Feeder event a conversation raised or received (Created with its metadata, analysis and category
        // results), kept with the conversation so that a replay rebuilds the same messages under the same event ids.
        // held: a result that arrived before its conversation was recorded; expired_at: a held result that waited too long.
        """
        CREATE TABLE knovvu.kept_events (
            sequence bigserial NOT NULL,
            tenant_id text NOT NULL,
            external_id text NOT NULL,
            event_id uuid PRIMARY KEY,
            event_type text NOT NULL,
            raised_at timestamptz NOT NULL,
            payload text NOT NULL,
            held boolean NOT NULL,
            expired_at timestamptz NULL);
        CREATE INDEX kept_events_by_conversation ON knovvu.kept_events (tenant_id, external_id, sequence);
        CREATE INDEX kept_events_held ON knovvu.kept_events (raised_at) WHERE held AND expired_at IS NULL;
        CREATE INDEX kept_events_held_by_tenant ON knovvu.kept_events (tenant_id) WHERE held;
        """,
        // The W3C trace context an event was raised in, so that its delivery (the Kafka message) joins that trace.
        """
        ALTER TABLE knovvu.stream_outbox ADD COLUMN trace_parent text NULL;
        """,
        // The W3C trace context a conversation was recorded in, so that sending it to CA joins that trace.
        """
        ALTER TABLE knovvu.conversations ADD COLUMN trace_parent text NULL;
        """,
        // An hour's conversations in report order straight from the index: with (tenant_id, start_time) alone the
        // planner sorted the hour's documents, on disk past work_mem (40 of the 47 ms PostgreSQL took for 10,000 of them).
        """
        CREATE INDEX conversations_by_hour_ordered ON knovvu.conversations (tenant_id, start_time, external_id) WHERE status = 'published';
        DROP INDEX knovvu.conversations_by_hour;
        """,
        // The nightly retention purges a tenant's log by start time, drafts and test sessions too.
        """
        CREATE INDEX conversations_by_start ON knovvu.conversations (tenant_id, start_time);
        """,
    ];
}
