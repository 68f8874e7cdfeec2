namespace TradingLog.Configuration;

/// <summary>Thrown by a setting parser; the loader adds the key and the source to the message.</summary>
internal sealed class SettingValueException(string message) : Exception(message);
