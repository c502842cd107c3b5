namespace KnovvuOrleans.Grains.DailyReports;

/// <summary>A chunk built into a temp file that is deleted when this is disposed; <see cref="Zip"/> is at position 0.</summary>
public sealed class BuiltChunk(FileStream zip, int conversations, DateTimeOffset generatedAt) : IAsyncDisposable
{
    public FileStream Zip { get; } = zip;

    public int Conversations { get; } = conversations;

    public DateTimeOffset GeneratedAt { get; } = generatedAt;

    public ValueTask DisposeAsync() => Zip.DisposeAsync();
}
