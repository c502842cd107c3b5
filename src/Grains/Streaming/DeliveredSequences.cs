namespace KnovvuOrleans.Grains.Streaming;

/// <summary>
/// The last <c>capacity</c> outbox sequences a subscriber handled. Notices queue behind a running delivery, one per
/// append, so after a backlog most of them name events already handled; those are dropped instead of each waking a
/// delivery that reads nothing. Only exact sequences count, never a range: an append that commits late can hold a lower
/// sequence than events already handled, and its notice must still wake the subscriber.
/// </summary>
internal sealed class DeliveredSequences(int capacity)
{
    private readonly HashSet<long> _sequences = [];
    private readonly Queue<long> _oldestFirst = new();

    public bool Contains(long sequence) => _sequences.Contains(sequence);

    public void Add(IEnumerable<long> sequences)
    {
        foreach (var sequence in sequences)
        {
            if (!_sequences.Add(sequence))
            {
                continue;
            }

            _oldestFirst.Enqueue(sequence);
            if (_oldestFirst.Count > capacity)
            {
                _sequences.Remove(_oldestFirst.Dequeue());
            }
        }
    }
}
