using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// Objects in an S3 bucket. Set up for S3 servers other than AWS (MinIO, Swift's s3api): path-style addressing,
/// SigV4 for us-east-1, and no aws-chunked uploads, which such servers reject or corrupt over http.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private const string MetadataPrefix = "x-amz-meta-";

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly Lazy<Task> _bucketReady;

    public S3ObjectStore(IOptions<ObjectStorageOptions> options)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ServiceUrl) || string.IsNullOrEmpty(settings.AccessKey) || string.IsNullOrEmpty(settings.SecretKey))
        {
            throw new InvalidOperationException("ObjectStorage:ServiceUrl, AccessKey and SecretKey are required for the S3 provider.");
        }

        _bucket = settings.Bucket;
        _client = new AmazonS3Client(
            new BasicAWSCredentials(settings.AccessKey, settings.SecretKey),
            new AmazonS3Config { ServiceURL = settings.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        _bucketReady = new Lazy<Task>(CreateBucketIfMissingAsync);
    }

    public async Task PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        };
        foreach (var (name, value) in metadata)
        {
            request.Metadata.Add(name, value);
        }

        await _client.PutObjectAsync(request, cancellationToken);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        GetObjectResponse response;
        try
        {
            response = await _client.GetObjectAsync(_bucket, key, cancellationToken);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var metadata = response.Metadata.Keys.ToDictionary(
            k => k.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) ? k[MetadataPrefix.Length..] : k,
            k => response.Metadata[k],
            StringComparer.OrdinalIgnoreCase);
        return new StoredObject(response.ResponseStream, response.ContentLength, metadata, response);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        await _client.DeleteObjectAsync(_bucket, key, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _bucketReady.Value;
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects)
            {
                yield return item.Key;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated);
    }

    public void Dispose() => _client.Dispose();

    private async Task CreateBucketIfMissingAsync()
    {
        try
        {
            await _client.PutBucketAsync(_bucket);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Created by an earlier run or another silo.
        }
    }
}
