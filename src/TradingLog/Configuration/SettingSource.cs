namespace TradingLog.Configuration;

/// <summary>The origin of one effective setting: its kind and a human description such as <c>config/logging.yaml:21</c>.</summary>
/// <param name="Kind">The layer the value came from.</param>
/// <param name="Description">File and line, variable name or option, for messages.</param>
internal sealed record SettingSource(SettingSourceKind Kind, string Description)
{
    /// <summary>The built-in default.</summary>
    public static SettingSource Default { get; } = new(SettingSourceKind.Default, "default");

    /// <inheritdoc />
    public override string ToString() => Description;
}
