namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>An object being read: its content (not necessarily seekable), its length and metadata.</summary>
public sealed class StoredObject(Stream content, long length, IReadOnlyDictionary<string, string> metadata, IDisposable? owner = null)
    : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public long Length { get; } = length;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }
}
