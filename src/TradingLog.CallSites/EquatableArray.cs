using System;
using System.Collections.Generic;
using System.Linq;

namespace TradingLog.CallSites;

/// <summary>Strings compared by content, so that the generator's incremental cache sees an unchanged call as unchanged.</summary>
internal sealed class EquatableArray(string[] items) : IEquatable<EquatableArray>
{
    public IReadOnlyList<string> Items { get; } = items;

    public bool Equals(EquatableArray? other) => other is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal);

    public override bool Equals(object? obj) => obj is EquatableArray other && Equals(other);

    public override int GetHashCode() => Items.Aggregate(17, (hash, item) => unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(item)));
}
