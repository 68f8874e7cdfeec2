namespace TradingLog.Formatting;

/// <summary>One piece of a compiled Loguru format: literal text, a field with its spec, a time pattern or a colour tag.</summary>
internal sealed record TemplatePart(TemplatePartKind Kind, string Text, FormatSpec Spec, TimePattern? Time = null, string? Key = null);
