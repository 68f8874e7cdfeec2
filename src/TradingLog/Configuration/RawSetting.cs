namespace TradingLog.Configuration;

/// <summary>A value as one layer gives it, before parsing.</summary>
internal sealed record RawSetting(string Key, string? Value, SettingSource Source);
