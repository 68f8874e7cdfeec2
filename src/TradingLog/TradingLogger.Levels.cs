using Serilog.Core;
using System.Runtime.CompilerServices;
using Serilog.Events;

namespace TradingLog;

// The level methods: generic overloads so that a disabled call costs a level check and allocates nothing.
// OverloadResolutionPriority makes Info("{A}", "x") bind "x" to the template, not to the caller-info parameter.
public sealed partial class TradingLogger
{
    /// <summary>Logs at DEBUG. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Debug(string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Debug))
        {
            WriteBound(LogEventLevel.Debug, null, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at DEBUG. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Debug<T0>(string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Debug))
        {
            WriteBound(LogEventLevel.Debug, null, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at DEBUG. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Debug<T0, T1>(string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Debug))
        {
            WriteBound(LogEventLevel.Debug, null, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at DEBUG. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Debug<T0, T1, T2>(string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Debug))
        {
            WriteBound(LogEventLevel.Debug, null, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at INFO. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Info(string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Information))
        {
            WriteBound(LogEventLevel.Information, null, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at INFO. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Info<T0>(string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Information))
        {
            WriteBound(LogEventLevel.Information, null, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at INFO. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Info<T0, T1>(string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Information))
        {
            WriteBound(LogEventLevel.Information, null, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at INFO. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Info<T0, T1, T2>(string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Information))
        {
            WriteBound(LogEventLevel.Information, null, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at WARNING. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning(string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, null, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at WARNING. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning<T0>(string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, null, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at WARNING. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning<T0, T1>(string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, null, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at WARNING. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning<T0, T1, T2>(string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, null, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at WARNING with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning(Exception? exception, string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, exception, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at WARNING with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning<T0>(Exception? exception, string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, exception, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at WARNING with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning<T0, T1>(Exception? exception, string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, exception, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at WARNING with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Warning<T0, T1, T2>(Exception? exception, string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Warning))
        {
            WriteBound(LogEventLevel.Warning, exception, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at ERROR. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error(string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, null, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at ERROR. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error<T0>(string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, null, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at ERROR. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error<T0, T1>(string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, null, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at ERROR. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error<T0, T1, T2>(string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, null, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at ERROR with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error(Exception? exception, string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, exception, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at ERROR with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error<T0>(Exception? exception, string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, exception, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at ERROR with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error<T0, T1>(Exception? exception, string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, exception, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at ERROR with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Error<T0, T1, T2>(Exception? exception, string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Error))
        {
            WriteBound(LogEventLevel.Error, exception, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical(string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, null, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical<T0>(string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, null, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical<T0, T1>(string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, null, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical<T0, T1, T2>(string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, null, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical(Exception? exception, string messageTemplate, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, exception, messageTemplate, null, member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(1)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical<T0>(Exception? exception, string messageTemplate, T0 arg0, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, exception, messageTemplate, [arg0], member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(2)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical<T0, T1>(Exception? exception, string messageTemplate, T0 arg0, T1 arg1, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, exception, messageTemplate, [arg0, arg1], member, file, line);
        }
    }

    /// <summary>Logs at CRITICAL with an exception. The arguments fill the template's properties in order; caller info is captured by the compiler.</summary>
    [OverloadResolutionPriority(3)]
    [MessageTemplateFormatMethod("messageTemplate")]
    public void Critical<T0, T1, T2>(Exception? exception, string messageTemplate, T0 arg0, T1 arg1, T2 arg2, [CallerMemberName] string member = "", [CallerFilePath] string file = "", [CallerLineNumber] int line = 0)
    {
        if (_logger.IsEnabled(LogEventLevel.Fatal))
        {
            WriteBound(LogEventLevel.Fatal, exception, messageTemplate, [arg0, arg1, arg2], member, file, line);
        }
    }
}
