using System.Security.Cryptography;
using System.Text;

namespace TradingLog.Files;

/// <summary>
/// A lock shared by every process that writes the same file, so that appends and rolls never interleave.
/// It is a named mutex whose name is derived from the file's full path. The holder must release it on the same thread.
/// </summary>
internal sealed class CrossProcessLock : IDisposable
{
    private readonly Mutex _mutex;

    public CrossProcessLock(string fullPath)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)))[..32];
        _mutex = new Mutex(initiallyOwned: false, "tradinglog." + hash);
    }

    public void Enter()
    {
        try
        {
            _mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // A writer died while holding the lock; we own it now, and the file is still consistent because
            // every append is a single write of whole lines.
        }
    }

    public void Exit() => _mutex.ReleaseMutex();

    public void Dispose() => _mutex.Dispose();
}
