namespace TradingLog.PostgreSql.Sink;

/// <summary>
/// A batch was stored, but its patterns could not be recorded in <c>tradelog_patterns</c>: its events keep their
/// <c>pattern_id</c>, and the pattern is recorded with the next batch that has it.
/// </summary>
internal sealed class PatternRecordingException(Exception inner) : Exception("the batch's patterns could not be recorded: " + inner.Message, inner);
