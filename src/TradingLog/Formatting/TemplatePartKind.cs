namespace TradingLog.Formatting;

/// <summary>What a piece of a compiled Loguru format is.</summary>
internal enum TemplatePartKind
{
    Literal,
    Field,
    Time,
    MarkupOpen,
    MarkupClose,
}
