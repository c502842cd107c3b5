using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;

namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// Objects in an S3 bucket (MinIO, Swift's s3api, AWS) through the Minio client. Uploads stream: the client sends
/// the content in parts of at most 16 MiB (its minimum part size), so memory per upload stays flat whatever the object's
/// size. Reads go through a presigned GET on the same HttpClient: the client's own GetObject hands the body out only
/// inside a callback (and hands it an error body too), while the interface gives the caller a stream to read later.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private const string MetadataHeaderPrefix = "x-amz-meta-";

    // S3 servers other than AWS answer for one region; naming it spares the client a bucket-location lookup.
    private const string Region = "us-east-1";

    // Long enough for a slow start of the body, short enough that a leaked URL is soon useless.
    private const int PresignedUrlSeconds = 60;

    private readonly HttpClient _http = new();
    private readonly IMinioClient _client;
    private readonly string _bucket;
    private readonly RetriedUntilDone _bucketReady;

    public S3ObjectStore(IOptions<ObjectStorageOptions> options)
    {
        var settings = options.Value;
        var endpoint = new Uri(settings.ServiceUrl!, UriKind.Absolute);
        _bucket = settings.Bucket;
        _client = new MinioClient()
            .WithEndpoint(endpoint.Host, endpoint.Port)
            .WithSSL(endpoint.Scheme == Uri.UriSchemeHttps)
            .WithRegion(Region)
            .WithCredentials(settings.AccessKey, settings.SecretKey)
            .WithHttpClient(_http)
            .Build();
        _bucketReady = new RetriedUntilDone(CreateBucketIfMissingAsync);
    }

    public async Task PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await _bucketReady.RunAsync(cancellationToken);
        var headers = metadata.ToDictionary(m => MetadataHeaderPrefix + m.Key, m => m.Value, StringComparer.OrdinalIgnoreCase);
        // A stream of unknown length (-1) is sent as a multipart upload all the same.
        var size = content.CanSeek ? content.Length - content.Position : -1;
        await _client.PutObjectAsync(
            new PutObjectArgs()
                .WithBucket(_bucket)
                .WithObject(key)
                .WithStreamData(content)
                .WithObjectSize(size)
                .WithContentType("application/octet-stream")
                .WithHeaders(headers),
            cancellationToken);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await _bucketReady.RunAsync(cancellationToken);
        var url = await _client.PresignedGetObjectAsync(
            new PresignedGetObjectArgs().WithBucket(_bucket).WithObject(key).WithExpiry(PresignedUrlSeconds));
        var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                response.Dispose();
                return null;
            }

            response.EnsureSuccessStatusCode();
            var metadata = response.Headers
                .Where(h => h.Key.StartsWith(MetadataHeaderPrefix, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key[MetadataHeaderPrefix.Length..].ToLowerInvariant(), h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
            var length = response.Content.Headers.ContentLength
                         ?? throw new InvalidOperationException($"S3 answered GET {key} without a Content-Length.");
            return new StoredObject(await response.Content.ReadAsStreamAsync(cancellationToken), length, metadata, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _bucketReady.RunAsync(cancellationToken);
        await _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(_bucket).WithObject(key), cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _bucketReady.RunAsync(cancellationToken);
        var items = _client.ListObjectsEnumAsync(
            new ListObjectsArgs().WithBucket(_bucket).WithPrefix(prefix).WithRecursive(true), cancellationToken);
        await foreach (var item in items)
        {
            yield return item.Key;
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private async Task CreateBucketIfMissingAsync()
    {
        var exists = new BucketExistsArgs().WithBucket(_bucket);
        if (await _client.BucketExistsAsync(exists))
        {
            return;
        }

        try
        {
            await _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_bucket));
        }
        catch (Exception)
        {
            if (!await _client.BucketExistsAsync(exists))
            {
                throw;
            }

            // Another silo created it between our check and our create.
        }
    }
}
