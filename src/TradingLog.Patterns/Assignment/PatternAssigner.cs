using TradingLog.Patterns.Mining;

namespace TradingLog.Patterns.Assignment;

/// <summary>
/// Gives each event its pattern, on the database writer's thread (never at the call site). An event whose message
/// template has holes gets that template: exact and free, its ID cached by the template's text. Free text (a template
/// without holes: interpolated strings, exception messages, other libraries' messages, imported lines) goes through
/// the <see cref="TemplateMiner"/>, first line only and at most <see cref="MaxMinedLength"/> characters. When a mined
/// template becomes more general its ID changes (IDs follow the text); the old ID's <see cref="PatternReplacement"/> is
/// handed out once through <see cref="TakeReplacements"/>. Not thread-safe: one assigner per writer.
/// </summary>
internal sealed class PatternAssigner
{
    /// <summary>The most characters of a free-text message the miner reads: a stack trace's tail names no pattern.</summary>
    public const int MaxMinedLength = 1_000;

    // A bound on the cache of templates with holes: a template built at run time (an anti-pattern, but it happens) must
    // not grow it without end. Past it, IDs are computed each time: correct, only slower.
    private const int MaxCachedTemplates = 10_000;

    private readonly TemplateMiner _miner = new();
    private readonly Dictionary<string, long> _templates = new(StringComparer.Ordinal);
    private readonly Dictionary<LogCluster, (int Version, long Id, string Template)> _mined = [];
    private readonly List<PatternReplacement> _replacements = [];

    /// <summary>How many templates the miner holds.</summary>
    public int MinedTemplates => _miner.Clusters.Count;

    /// <summary>The pattern of an event with this message template (<paramref name="hasHoles"/>: it names properties) and rendered message.</summary>
    public PatternAssignment Assign(string template, bool hasHoles, string message)
    {
        if (hasHoles)
        {
            if (!_templates.TryGetValue(template, out var id))
            {
                id = PatternIds.Of(template);
                if (_templates.Count < MaxCachedTemplates)
                {
                    _templates[template] = id;
                }
            }

            return new PatternAssignment(id, template, PatternSource.Template);
        }

        var cluster = _miner.Add(FirstLine(message));
        var merged = _miner.TakeMerged();
        if (_mined.TryGetValue(cluster, out var known) && known.Version == cluster.Version && merged.Count == 0)
        {
            return new PatternAssignment(known.Id, known.Template, PatternSource.Mined);
        }

        // The template changed (or others were merged into it): its ID follows its text, and every ID given out for
        // it or for the merged ones is replaced by the new one.
        var text = cluster.Template;
        var mined = PatternIds.Of(text);
        foreach (var gone in merged.Select(c => _mined.Remove(c, out var old) ? old.Id : 0).Append(known.Id))
        {
            if (gone != 0 && gone != mined)
            {
                _replacements.Add(new PatternReplacement(gone, mined));
            }
        }

        _mined[cluster] = (cluster.Version, mined, text);
        return new PatternAssignment(mined, text, PatternSource.Mined);
    }

    /// <summary>The replacements since the last call (in order); cleared by the call.</summary>
    public IReadOnlyList<PatternReplacement> TakeReplacements()
    {
        if (_replacements.Count == 0)
        {
            return [];
        }

        PatternReplacement[] taken = [.. _replacements];
        _replacements.Clear();
        return taken;
    }

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        if (end < 0 && message.Length <= MaxMinedLength)
        {
            return message;
        }

        return message[..Math.Min(end < 0 ? message.Length : end, MaxMinedLength)];
    }
}
