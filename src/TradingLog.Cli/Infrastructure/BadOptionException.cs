namespace TradingLog.Cli.Infrastructure;

/// <summary>An option's value that the command cannot use; the message starts with the option's name.</summary>
internal sealed class BadOptionException(string message) : Exception(message);
