using System.ComponentModel;

namespace TradingLog;

/// <summary>
/// Ends the message arguments of <see cref="TradingLogger"/>'s level methods, before the parameters the compiler fills
/// with the caller's member, file and line. No value converts to it, so an argument is never taken for caller
/// information, whatever its type. Never pass one.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CallerInfoGuard;
