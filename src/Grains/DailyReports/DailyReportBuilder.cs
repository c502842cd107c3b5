using System.IO.Compression;
using System.Text.Json;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.Conversations;
using KnovvuOrleans.Grains.ObjectStorage;
using Microsoft.Extensions.Logging;

namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>
/// Builds an hour's chunk: the log's documents, streamed, → <c>{"Conversations":[…]}</c> (each document as stored) → a
/// zip with one entry in a temp file → the object store. The rows are read on a task of their own while the zip is
/// written, a bounded number ahead; memory holds those rows and the writers' buffers, never the hour.
/// </summary>
public sealed class DailyReportBuilder(IConversationLog log, IObjectStore store, TimeProvider time)
{
    private const int FlushThreshold = 64 * 1024;

    // About half a MiB of 2 KB documents (1 MiB as strings): enough to keep the reader and the writer both busy, small
    // beside the hour.
    private const int DocumentsReadAhead = 256;

    public async Task<BuiltChunk> BuildAsync(string tenantId, DateOnly day, int hour, CancellationToken cancellationToken)
    {
        var file = TempZipFile.Create();
        try
        {
            var hourStart = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);
            var documents = ReadAhead.Of(log.ReadHourDocumentsAsync(tenantId, hourStart, cancellationToken), DocumentsReadAhead, cancellationToken);
            var conversations = await WriteZipAsync(file, DailyReportChunkName.EntryName(day, hour), documents, cancellationToken);
            file.Position = 0;
            return new BuiltChunk(file, conversations, time.GetUtcNow());
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Builds and stores the hour, and returns the attempt to record: failed, with its error logged, when either step
    /// threw. <paramref name="lateArrivalsSeen"/> is the chunk's late count read before the build.
    /// </summary>
    public async Task<ChunkAttempt> AttemptAsync(
        string tenantId, DateOnly day, int hour, int lateArrivalsSeen, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var chunk = await BuildAsync(tenantId, day, hour, cancellationToken);
            await StoreAsync(tenantId, day, hour, chunk, cancellationToken);
            return new ChunkAttempt(hour, chunk.Conversations, chunk.GeneratedAt, null, lateArrivalsSeen);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Daily report chunk {Key} failed", DailyReportChunkName.ObjectKey(tenantId, day, hour));
            return new ChunkAttempt(hour, 0, time.GetUtcNow(), exception.Message, lateArrivalsSeen);
        }
    }

    /// <summary>Writes <c>{"Conversations":[…]}</c> of the documents as the zip's one entry; returns how many.</summary>
    public static async Task<int> WriteZipAsync(Stream file, string entryName, IAsyncEnumerable<string> documents, CancellationToken cancellationToken)
    {
        var conversations = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        await using var entry = await zip.CreateEntry(entryName, CompressionLevel.Fastest).OpenAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(entry);
        json.WriteStartObject();
        json.WriteStartArray("Conversations");
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            json.WriteRawValue(document);
            conversations++;
            if (json.BytesPending > FlushThreshold)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return conversations;
    }

    /// <summary>Stores a built chunk under its name; the chunk's file is back at position 0 afterwards.</summary>
    public async Task StoreAsync(string tenantId, DateOnly day, int hour, BuiltChunk chunk, CancellationToken cancellationToken)
    {
        chunk.Zip.Position = 0;
        await store.PutAsync(DailyReportChunkName.ObjectKey(tenantId, day, hour), chunk.Zip,
            new ChunkMetadata(chunk.Conversations, chunk.GeneratedAt).ToObjectMetadata(), cancellationToken);
        chunk.Zip.Position = 0;
    }
}
