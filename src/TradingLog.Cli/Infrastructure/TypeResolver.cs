using Spectre.Console.Cli;

namespace TradingLog.Cli.Infrastructure;

/// <summary>Resolves commands and their dependencies from the built container.</summary>
internal sealed class TypeResolver(IServiceProvider provider) : ITypeResolver, IDisposable
{
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    public void Dispose() => (provider as IDisposable)?.Dispose();
}
