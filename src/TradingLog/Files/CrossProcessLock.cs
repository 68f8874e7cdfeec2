using System.Runtime.InteropServices;

namespace TradingLog.Files;

/// <summary>
/// A lock shared by every process that writes the same file, so that appends and rolls never interleave. It is an
/// operating-system lock on a lock file beside the log (<c>logs/.trading.log.lock</c>): <c>flock</c> on Unix, an
/// exclusive share mode on Windows. Such a lock belongs to the file itself, so it holds whatever session, container or
/// service manager started the processes and however the path is spelled (relative, through a symbolic link), and the
/// kernel releases it when its holder dies.
/// </summary>
/// <remarks>
/// A named mutex did not: on Linux, one without the <c>Global\</c> prefix lives in a per-session folder, so processes
/// started with <c>setsid</c> (systemd, supervisord, container runtimes) never saw each other's lock, and its name came
/// from the path as spelled.
/// </remarks>
internal sealed partial class CrossProcessLock : IDisposable
{
    private const int LockExclusive = 2;
    private const int Unlock = 8;
    private const int ReadWrite = 2;
    private const int Interrupted = 4;

    private readonly string _lockPath;
    private int _descriptor = -1;
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2213", Justification = "disposed by Exit, which Dispose calls")]
    private FileStream? _windowsHandle;

    public CrossProcessLock(string fullPath)
    {
        _lockPath = Path.Combine(Path.GetDirectoryName(fullPath)!, "." + Path.GetFileName(fullPath) + ".lock");
    }

    /// <summary>The lock file's full path.</summary>
    public string LockPath => _lockPath;

    /// <summary>Waits for the lock. The lock file is opened anew each time, so a lock file deleted with its folder is recreated.</summary>
    /// <exception cref="IOException">The lock file cannot be created (its folder is not writable).</exception>
    public void Enter()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_lockPath)!);
        if (OperatingSystem.IsWindows())
        {
            EnterWindows();
            return;
        }

        // O_CREAT and O_CLOEXEC differ between Linux and the BSDs.
        var flags = OperatingSystem.IsLinux() ? ReadWrite | 0x40 | 0x80000 : ReadWrite | 0x200 | 0x1000000;
        var descriptor = Open(_lockPath, flags, Convert.ToInt32("666", 8));
        if (descriptor < 0)
        {
            // flock needs no write access: a lock file another user created (say, root in an earlier run) still serves.
            descriptor = Open(_lockPath, OperatingSystem.IsLinux() ? 0x80000 : 0x1000000, 0);
        }

        if (descriptor < 0)
        {
            throw new IOException($"cannot open the lock file {_lockPath}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()).TrimEnd('.')}");
        }

        while (Flock(descriptor, LockExclusive) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                _ = Close(descriptor);
                throw new IOException($"cannot lock {_lockPath}: {Marshal.GetPInvokeErrorMessage(error)}");
            }
        }

        _descriptor = descriptor;
    }

    /// <summary>Releases the lock; closing the descriptor releases it even if the unlock call were skipped.</summary>
    public void Exit()
    {
        if (_windowsHandle is { } handle)
        {
            _windowsHandle = null;
            handle.Dispose();
            return;
        }

        var descriptor = _descriptor;
        _descriptor = -1;
        if (descriptor >= 0)
        {
            _ = Flock(descriptor, Unlock);
            _ = Close(descriptor);
        }
    }

    private void EnterWindows()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            try
            {
                _windowsHandle = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
                return;
            }
            catch (IOException) when (File.Exists(_lockPath))
            {
                spinner.SpinOnce(sleep1Threshold: 10);
            }
        }
    }

    public void Dispose() => Exit();

    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int descriptor, int operation);

    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
