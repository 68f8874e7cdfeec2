namespace TradingLog.Cli.Infrastructure;

/// <summary>The log store exists but cannot answer yet (its tables were never created); the message says what to run.</summary>
internal sealed class StoreNotReadyException(string message) : Exception(message);
