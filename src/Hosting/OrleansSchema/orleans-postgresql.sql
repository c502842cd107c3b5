-- KnovvuOrleans' schema for Orleans' ADO.NET providers (clustering, grain storage, reminders; invariant "Npgsql"),
-- written against the parameters and result columns of the Orleans 10.4.2 assemblies.
--
-- OrleansPostgresSchema.MigrateAsync runs this whole file in one transaction under an advisory lock, at every silo
-- start: every statement must be harmless the second time (CREATE ... IF NOT EXISTS; query rows upserted, so a
-- changed query text here replaces the stored one).
--
-- Everything lives in schema public because the providers read "OrleansQuery" unqualified; the product's own tables
-- are in schema knovvu of the same database. Needs PostgreSQL 15 or later (NULLS NOT DISTINCT).
--
-- What the providers expect of a query, learnt from the 10.4.2 assemblies:
--  * parameters are bound by name (@DeploymentId, @GrainIdHash, ...) with types taken from the .NET values: int for
--    ports, statuses, versions and hashes (unsigned hashes arrive cast to signed int), text, timestamptz for UTC times;
--  * result columns are looked up by name (case does not matter), so a query returns exactly the names they read;
--  * a query that answers "did it work" returns one row with one column, 1 or 0: the providers take First() of it;
--  * a version (the ETag) is an integer the provider sends back on the next write; a write that finds another version
--    must change nothing.

CREATE TABLE IF NOT EXISTS public.OrleansQuery
(
    QueryKey  text NOT NULL CONSTRAINT orleans_query_pk PRIMARY KEY,
    QueryText text NOT NULL
);

-- Clustering --------------------------------------------------------------------------------------------------------

-- One row per cluster (the providers call ClusterOptions.ClusterId "DeploymentId"). Version is the ETag of the whole
-- membership table: every insert or update of a silo row bumps it in the same statement, so a silo writing from a
-- stale view fails and re-reads instead of overwriting a newer one.
CREATE TABLE IF NOT EXISTS public.OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL CONSTRAINT membership_cluster_pk PRIMARY KEY,
    Version      integer     NOT NULL DEFAULT 0,
    ChangedAt    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: the same address and port with a new generation is a new silo. Dead rows stay until
-- the defunct-silo cleanup removes them. Deleting a cluster's version row takes its silo rows along.
CREATE TABLE IF NOT EXISTS public.OrleansMembershipTable
(
    DeploymentId text        NOT NULL CONSTRAINT membership_silo_cluster_fk
        REFERENCES public.OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    CONSTRAINT membership_silo_pk PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

INSERT INTO public.OrleansQuery (QueryKey, QueryText) VALUES

-- First start of a cluster: creates its version row; 1 if this call created it, 0 if it was there.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO public.OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT count(*)::integer FROM created
$sql$),

-- A silo joins. The version bump comes first: it locks the cluster's version row, so concurrent membership writes
-- queue there, and one that waited finds the version moved and changes nothing. The silo row is written only from a
-- successful bump, so the two happen together or not at all.
('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE public.OrleansMembershipVersionTable
    SET Version = Version + 1, ChangedAt = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM public.OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId),
inserted AS (
    INSERT INTO public.OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1)
SELECT count(*)::integer FROM inserted
$sql$),

-- A silo's status or the suspicions against it change; same version discipline as the insert.
('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE public.OrleansMembershipVersionTable
    SET Version = Version + 1, ChangedAt = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (
          SELECT 1 FROM public.OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId),
updated AS (
    UPDATE public.OrleansMembershipTable AS silo
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE silo.DeploymentId = bumped.DeploymentId
      AND silo.Address = @Address AND silo.Port = @Port AND silo.Generation = @Generation
    RETURNING 1)
SELECT count(*)::integer FROM updated
$sql$),

-- The heartbeat. Not a membership change, so the version stays: heartbeats never make other writers fail.
('UpdateIAmAlivetimeKey', $sql$
UPDATE public.OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
$sql$),

-- Reads start from the version row, so the provider gets the table version even when no silo row matches (it then
-- sees a row whose silo columns are NULL, recognised by StartTime).
('MembershipReadRowKey', $sql$
SELECT cluster.Version,
       silo.Address, silo.Port, silo.Generation, silo.SiloName, silo.HostName, silo.Status, silo.ProxyPort,
       silo.SuspectTimes, silo.StartTime, silo.IAmAliveTime
FROM public.OrleansMembershipVersionTable AS cluster
LEFT JOIN public.OrleansMembershipTable AS silo
       ON silo.DeploymentId = cluster.DeploymentId
      AND silo.Address = @Address AND silo.Port = @Port AND silo.Generation = @Generation
WHERE cluster.DeploymentId = @DeploymentId
$sql$),

('MembershipReadAllKey', $sql$
SELECT cluster.Version,
       silo.Address, silo.Port, silo.Generation, silo.SiloName, silo.HostName, silo.Status, silo.ProxyPort,
       silo.SuspectTimes, silo.StartTime, silo.IAmAliveTime
FROM public.OrleansMembershipVersionTable AS cluster
LEFT JOIN public.OrleansMembershipTable AS silo ON silo.DeploymentId = cluster.DeploymentId
WHERE cluster.DeploymentId = @DeploymentId
$sql$),

-- Clients find gateways here: active silos (the provider passes @Status = Active) that listen for clients.
('GatewaysQueryKey', $sql$
SELECT Address, ProxyPort, Generation
FROM public.OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
$sql$),

-- Removes a whole cluster; its silo rows go with the version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM public.OrleansMembershipVersionTable
WHERE DeploymentId = @DeploymentId
$sql$),

-- Defunct-silo cleanup, in bulk: dead silos (status 6) not heard from since the cutoff. 10.4.2 uses this only when
-- CleanupDefunctSiloEntryKey is missing, but refuses to start without it.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM public.OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime
$sql$),

-- Defunct-silo cleanup, one row at a time: the provider decides in .NET which dead rows are old enough and sends back
-- the values it read; the row goes only if none of them changed meanwhile.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM public.OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND SuspectTimes IS NOT DISTINCT FROM @SuspectTimes
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Grain storage -----------------------------------------------------------------------------------------------------

-- One row per grain state. The provider names a grain by two int hashes (grain type, grain id) plus the full values
-- the hashes came from: N0/N1 hold a Guid or integer key, GrainIdExtensionString a string key or key extension (NULL
-- when there is none). Lookups go through the hashes; the full values rule out hash collisions.
CREATE TABLE IF NOT EXISTS public.OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now()
);

-- One state per grain, enforced, so two activations writing a first state at once cannot both succeed. The text
-- columns enter as md5 digests to keep index entries small whatever the length of a key.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_grain_uq ON public.OrleansStorage
    (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, md5(ServiceId), md5(GrainTypeString), md5(GrainIdExtensionString))
    NULLS NOT DISTINCT;

INSERT INTO public.OrleansQuery (QueryKey, QueryText) VALUES

('ReadFromStorageKey', $sql$
SELECT PayloadBinary, Version
FROM public.OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
$sql$),

-- No version from the grain: a first write, which inserts version 1 unless a state exists. A version: an update of
-- exactly that version. The answer is the new version, or on conflict the grain's own version (NULL for a first
-- write), which the provider turns into an InconsistentStateException.
('WriteToStorageKey', $sql$
WITH inserted AS (
    INSERT INTO public.OrleansStorage
        (ServiceId, GrainTypeHash, GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString,
         PayloadBinary, Version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeString, @GrainIdExtensionString,
           @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version),
updated AS (
    UPDATE public.OrleansStorage
    SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version)
SELECT COALESCE((SELECT Version FROM inserted), (SELECT Version FROM updated), @GrainStateVersion) AS NewGrainStateVersion
$sql$),

-- ClearStateAsync keeps the row and its version sequence, so a stale writer still fails after a clear. On conflict
-- the grain's own version comes back, which the provider reports as InconsistentStateException.
('ClearStorageKey', $sql$
WITH cleared AS (
    UPDATE public.OrleansStorage
    SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version)
SELECT COALESCE((SELECT Version FROM cleared), @GrainStateVersion) AS NewGrainStateVersion
$sql$),

-- Used instead of ClearStorageKey when a storage is configured with DeleteStateOnClear: the row goes. Answers like
-- the clear: a version other than the grain's on success, the grain's own on conflict.
('DeleteStorageKey', $sql$
WITH deleted AS (
    DELETE FROM public.OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version + 1 AS Version)
SELECT COALESCE((SELECT Version FROM deleted), @GrainStateVersion) AS NewGrainStateVersion
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Reminders ---------------------------------------------------------------------------------------------------------

-- One row per reminder. GrainHash is the grain's uniform hash (a uint on the consistent ring, stored cast to a signed
-- int): each silo's reminder service reads the reminders of its own slice of the ring by it. Period is milliseconds.
CREATE TABLE IF NOT EXISTS public.OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_ring_ix ON public.OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO public.OrleansQuery (QueryKey, QueryText) VALUES

-- Registering again replaces the schedule and moves the version on; the answer is the new version (the ETag).
('UpsertReminderRowKey', $sql$
INSERT INTO public.OrleansRemindersTable AS reminder
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash,
    Version = reminder.Version + 1
RETURNING Version
$sql$),

('ReadReminderRowsKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM public.OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM public.OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
$sql$),

-- A silo's ring range is (BeginHash, EndHash]. The provider compares the two as signed ints, as they are stored, and
-- picks this query when the range does not wrap past the largest int...
('ReadRangeRows1Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM public.OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash
$sql$),

-- ...and this one when it does (or covers the whole ring, BeginHash = EndHash, as with a single silo).
('ReadRangeRows2Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM public.OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)
$sql$),

-- Unregistering needs the version the grain holds: 1 if that reminder went, 0 if it had changed or was gone.
('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM public.OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1)
SELECT count(*)::integer FROM deleted
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM public.OrleansRemindersTable
WHERE ServiceId = @ServiceId
$sql$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
