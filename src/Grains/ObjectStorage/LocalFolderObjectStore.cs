using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KnovvuOrleans.Grains.ObjectStorage;

/// <summary>
/// Objects as files under a folder, for the demo: the content in objects/{key}, its metadata beside it in
/// metadata/{key}.json. A put writes a temp file and moves it into place, so readers never see half an object.
/// </summary>
public sealed class LocalFolderObjectStore(IOptions<ObjectStorageOptions> options) : IObjectStore
{
    private readonly string _objects = Path.Combine(Path.GetTempPath(), options.Value.LocalPath, "objects");
    private readonly string _metadata = Path.Combine(Path.GetTempPath(), options.Value.LocalPath, "metadata");

    public async Task PutAsync(string key, Stream content, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var path = ObjectPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.GetDirectoryName(MetadataPath(key))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = File.Create(temp))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        await File.WriteAllTextAsync(MetadataPath(key), JsonSerializer.Serialize(metadata), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(ObjectPath(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var metadata = File.Exists(MetadataPath(key))
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(MetadataPath(key), cancellationToken))!
            : [];
        return new StoredObject(file, file.Length, metadata);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(ObjectPath(key));
        File.Delete(MetadataPath(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_objects))
        {
            yield break;
        }

        var keys = Directory.EnumerateFiles(_objects, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(_objects, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }

        await Task.CompletedTask;
    }

    private string ObjectPath(string key) => Path.Combine(_objects, Checked(key));

    private string MetadataPath(string key) => Path.Combine(_metadata, Checked(key) + ".json");

    // Keys come from our own naming, but a key that climbs out of the folder must never reach the file system.
    private static string Checked(string key) =>
        key.Split('/').Any(part => part is "" or "." or "..") || key.Contains('\\')
            ? throw new ArgumentException($"'{key}' is not a valid object key.", nameof(key))
            : key;
}
