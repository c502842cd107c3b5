using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using KnovvuOrleans.Grains.Abstractions.DailyReports;
using KnovvuOrleans.Grains.DailyReports;

namespace KnovvuOrleans.Gateway.DailyReports;

/// <summary>
/// Streams a chunk to the client, the zip as it is or the JSON inside it, with the metadata headers; owns the
/// chunk's source (a stored object or an on-demand temp file) and disposes it when written.
/// </summary>
internal sealed class DailyReportResult(
    DailyReportQuery query, Stream zip, long zipLength, ChunkMetadata metadata, string source, IAsyncDisposable owner) : IResult
{
    public const string DayHeader = "X-Report-Day";
    public const string HourHeader = "X-Report-Hour";
    public const string ConversationsHeader = "X-Report-Conversations";
    public const string GeneratedAtHeader = "X-Report-Generated-At";
    public const string SourceHeader = "X-Report-Source";

    public const string StoredSource = "stored";
    public const string OnDemandSource = "on-demand";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var _ = owner;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.Headers[DayHeader] = DailyReportChunkName.FormatDay(query.Day);
        response.Headers[HourHeader] = query.Hour.ToString(CultureInfo.InvariantCulture);
        response.Headers[ConversationsHeader] = metadata.Conversations.ToString(CultureInfo.InvariantCulture);
        response.Headers[GeneratedAtHeader] = metadata.GeneratedAt.ToString("O", CultureInfo.InvariantCulture);
        response.Headers[SourceHeader] = source;
        if (query.Compressed)
        {
            response.ContentType = "application/zip";
            response.ContentLength = zipLength;
            response.Headers.ContentDisposition = $"attachment; filename=\"{DailyReportChunkName.FileName(query.Day, query.Hour)}\"";
            // Straight into Kestrel's pipe: no copy through a buffer of our own between the S3 body and the socket.
            await zip.CopyToAsync(response.BodyWriter, cancellationToken);
            return;
        }

        // Reading a zip needs a seekable stream; an object store's stream is copied to a temp file, not to memory.
        await using var seekable = zip.CanSeek ? null : await SpoolAsync(zip, cancellationToken);
        await using var archive = await ZipArchive.CreateAsync(seekable ?? zip, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var entry = archive.Entries.Single();
        response.ContentType = "application/json";
        response.ContentLength = entry.Length;
        await using var json = await entry.OpenAsync(cancellationToken);
        await json.CopyToAsync(response.Body, cancellationToken);
    }

    private static async Task<FileStream> SpoolAsync(Stream zip, CancellationToken cancellationToken)
    {
        var file = TempZipFile.Create();
        await zip.CopyToAsync(file, cancellationToken);
        file.Position = 0;
        return file;
    }
}
