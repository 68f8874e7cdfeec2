using System.Threading.Channels;

namespace TradingLog.Dashboard.Tail;

/// <summary>One browser's live tail: its filter and a bounded buffer the shared poller writes into.</summary>
internal sealed class TailSubscriber
{
    private readonly Channel<TailEvent> _channel;
    private long _skipped;

    public TailSubscriber(TailFilter filter, int capacity)
    {
        Filter = filter;
        _channel = Channel.CreateBounded<TailEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        }, _ => Interlocked.Increment(ref _skipped));
    }

    public TailFilter Filter { get; }

    public ChannelReader<TailEvent> Reader => _channel.Reader;

    /// <summary>Events dropped from this browser's buffer because it read too slowly; the browser is told.</summary>
    public long TakeSkipped() => Interlocked.Exchange(ref _skipped, 0);

    public void Offer(TailEvent e)
    {
        if (Filter.Matches(e))
        {
            _channel.Writer.TryWrite(e);
        }
    }

    public void Complete() => _channel.Writer.TryComplete();
}
