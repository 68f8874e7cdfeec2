namespace TradingLog.CallSites;

/// <summary>One call of an <c>ILogger</c> extension method: what to intercept and what the call site is.</summary>
/// <param name="Method">The extension method's name (<c>LogInformation</c>, <c>Log</c>, ...).</param>
/// <param name="Parameters">Its parameters after the logger, as fully qualified type names (the last is the <c>params</c> array).</param>
/// <param name="LocationVersion">The interceptable location's version.</param>
/// <param name="LocationData">The interceptable location's data.</param>
/// <param name="Type">The calling type's full name.</param>
/// <param name="Member">The calling member (for a lambda, the member that holds it).</param>
/// <param name="File">The calling file's path.</param>
/// <param name="Line">The calling line, 1-based.</param>
internal sealed record LoggerCall(string Method, EquatableArray Parameters, int LocationVersion, string LocationData, string Type, string Member,
    string File, int Line);
