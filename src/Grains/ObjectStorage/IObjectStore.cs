namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>Objects by key ("tenant/name"), each with a few string metadata entries; keys use only a-z 0-9 - . /.</summary>
public interface IObjectStore
{
    /// <summary>Stores the stream's content from its current position to its end, replacing any object with the key.</summary>
    Task PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>The object, to be read once and disposed; null when there is none.</summary>
    Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the object; nothing happens when there is none.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>The keys that start with the prefix, in key order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken);
}
