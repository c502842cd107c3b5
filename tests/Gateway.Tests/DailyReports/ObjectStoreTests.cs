using KnovvuOrleans.Grains.ObjectStorage;
using KnovvuOrleans.Testing;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Gateway.Tests.DailyReports;

/// <summary>The same contract for the S3 store (on the Swift S3 server, a bucket it creates) and the local folder.</summary>
public sealed class ObjectStoreTests
{
    public static TheoryData<string> Providers() => new(ObjectStorageOptions.S3Provider, ObjectStorageOptions.LocalProvider);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Put_get_list_and_delete_keep_content_and_metadata(string provider)
    {
        var store = Create(provider);
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        var metadata = new Dictionary<string, string> { ["conversations"] = "12", ["generated-at"] = "2025-06-15T00:10:00.0000000+00:00" };

        Assert.Null(await store.GetAsync("t1/missing.zip", CancellationToken.None));
        await store.PutAsync("t1/b.zip", new MemoryStream(content), metadata, CancellationToken.None);
        await store.PutAsync("t1/a.zip", new MemoryStream([1]), new Dictionary<string, string>(), CancellationToken.None);
        await store.PutAsync("t2/a.zip", new MemoryStream([2]), new Dictionary<string, string>(), CancellationToken.None);

        await using (var stored = await store.GetAsync("t1/b.zip", CancellationToken.None))
        {
            Assert.NotNull(stored);
            var read = new MemoryStream();
            await stored.Content.CopyToAsync(read);
            Assert.Equal(content, read.ToArray());
            Assert.Equal(content.Length, stored.Length);
            Assert.Equal("12", stored.Metadata["conversations"]);
            Assert.Equal(metadata["generated-at"], stored.Metadata["generated-at"]);
        }

        Assert.Equal(["t1/a.zip", "t1/b.zip"], await ListAsync(store, "t1/"));
        await store.DeleteAsync("t1/b.zip", CancellationToken.None);
        await store.DeleteAsync("t1/never-there.zip", CancellationToken.None);
        Assert.Equal(["t1/a.zip"], await ListAsync(store, "t1/"));
        Assert.Null(await store.GetAsync("t1/b.zip", CancellationToken.None));
    }

    [Fact]
    public async Task A_bucket_that_could_not_be_created_is_created_on_the_next_use()
    {
        await using var s3 = new LoopbackForwarder(new Uri(TestEnvironment.S3Url));
        var options = TestObjectStorage.UseS3(new ObjectStorageOptions(), $"retry-{Guid.NewGuid():N}");
        options.ServiceUrl = s3.Url.ToString();
        using var store = new S3ObjectStore(Options.Create(options));

        // S3 is down: the bucket cannot be created, so the put fails.
        await Assert.ThrowsAnyAsync<Exception>(() => store.PutAsync("t1/a.zip", new MemoryStream([1]), NoMetadata, CancellationToken.None));

        s3.Open();
        await store.PutAsync("t1/a.zip", new MemoryStream([1, 2]), NoMetadata, CancellationToken.None);

        await using var stored = await store.GetAsync("t1/a.zip", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal([1, 2], await ReadAllAsync(stored.Content));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_stream_of_unknown_length_larger_than_a_part_is_stored_whole(string provider)
    {
        var store = Create(provider);
        // 40 MiB: three parts of the S3 client's 16 MiB, the last one short.
        const int size = 40 * 1024 * 1024;

        await store.PutAsync("t1/large.bin", new GeneratedStream(size), new Dictionary<string, string> { ["kind"] = "large" }, CancellationToken.None);

        await using var stored = await store.GetAsync("t1/large.bin", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(size, stored.Length);
        Assert.Equal("large", stored.Metadata["kind"]);
        var expected = new GeneratedStream(size);
        var buffer = new byte[81920];
        var compare = new byte[81920];
        long read = 0;
        int count;
        while ((count = await stored.Content.ReadAsync(buffer)) > 0)
        {
            await expected.ReadExactlyAsync(compare.AsMemory(0, count));
            Assert.True(buffer.AsSpan(0, count).SequenceEqual(compare.AsSpan(0, count)), $"Content differs after byte {read}.");
            read += count;
        }

        Assert.Equal(size, read);
    }

    [Fact]
    public async Task The_local_store_refuses_keys_that_leave_its_folder()
    {
        var store = Create(ObjectStorageOptions.LocalProvider);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("../escape.zip", new MemoryStream([1]), new Dictionary<string, string>(), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync("t1/../../escape.zip", CancellationToken.None));
    }

    private static readonly Dictionary<string, string> NoMetadata = [];

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        var read = new MemoryStream();
        await stream.CopyToAsync(read);
        return read.ToArray();
    }

    private static IObjectStore Create(string provider)
    {
        var options = Options.Create(provider == ObjectStorageOptions.S3Provider
            ? TestObjectStorage.UseS3(new ObjectStorageOptions(), $"store-{Guid.NewGuid():N}")
            : new ObjectStorageOptions { Provider = provider, LocalPath = $"knovvu-store-test-{Guid.NewGuid():N}" });
        return provider == ObjectStorageOptions.S3Provider ? new S3ObjectStore(options) : new LocalFolderObjectStore(options);
    }

    private static async Task<List<string>> ListAsync(IObjectStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in store.ListAsync(prefix, CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }
}
