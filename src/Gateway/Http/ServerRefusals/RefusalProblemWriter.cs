using System.Buffers;
using System.IO.Pipelines;

namespace KnovvuOrleans.Gateway.Http.ServerRefusals;

/// <summary>
/// The output of one connection, under Kestrel's HTTP/1.1 layer. It passes every write straight through until
/// <see cref="Arm"/> says that Kestrel is about to refuse a request; then it holds the next response head, and if that
/// head is Kestrel's empty refusal (status line of the armed status, <c>Content-Length: 0</c>, nothing after it) it
/// sends it with the problem's length and type, followed by the problem. Anything else it sends unchanged, so the worst
/// it can do is leave a refusal with Kestrel's empty body.
/// </summary>
internal sealed class RefusalProblemWriter(PipeWriter inner) : PipeWriter
{
    /// <summary>A refusal head is a few hundred bytes; a longer one is not Kestrel's and is sent unchanged.</summary>
    private const int MaxHead = 8 * 1024;

    private RefusalProblem? _armed;
    private ArrayBufferWriter<byte>? _held;

    // Where the last GetMemory/GetSpan came from, so that its Advance goes to the same buffer even if armed in between.
    private bool _leasedFromHeld;

    /// <summary>Called synchronously by Kestrel's bad-request event, before Kestrel writes its refusal.</summary>
    public void Arm(RefusalProblem problem) => _armed = problem;

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (_armed is null)
        {
            _leasedFromHeld = false;
            return inner.GetMemory(sizeHint);
        }

        _leasedFromHeld = true;
        return (_held ??= new ArrayBufferWriter<byte>(512)).GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public override void Advance(int bytes)
    {
        if (!_leasedFromHeld)
        {
            inner.Advance(bytes);
            return;
        }

        _leasedFromHeld = false;
        _held!.Advance(bytes);
        RewriteOnceHeadIsComplete();
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        _armed is null ? inner.WriteAsync(source, cancellationToken) : base.WriteAsync(source, cancellationToken);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        // Kestrel flushes only after the whole head; a flush in the middle of one means it is not the refusal.
        if (_held is { WrittenCount: > 0 })
        {
            SendHeldUnchanged();
        }

        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        if (_held is { WrittenCount: > 0 })
        {
            SendHeldUnchanged();
        }

        inner.Complete(exception);
    }

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

    private void RewriteOnceHeadIsComplete()
    {
        var problem = _armed!;
        var held = _held!.WrittenSpan;
        var statusLine = problem.StatusLinePrefix.Span;
        var compared = Math.Min(held.Length, statusLine.Length);
        if (!held[..compared].SequenceEqual(statusLine[..compared]))
        {
            SendHeldUnchanged();
            return;
        }

        var end = held.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (held.Length > MaxHead)
            {
                SendHeldUnchanged();
            }

            return;
        }

        var head = end + 4 == held.Length ? RefusalHead.WithBody(held, problem.Body.Length) : null;
        if (head is null)
        {
            SendHeldUnchanged();
            return;
        }

        inner.Write(head);
        inner.Write(problem.Body.Span);
        Disarm();
    }

    private void SendHeldUnchanged()
    {
        inner.Write(_held!.WrittenSpan);
        Disarm();
    }

    private void Disarm()
    {
        _armed = null;
        _held = null;
    }
}
