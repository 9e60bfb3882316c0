using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// What each local, parameter and flow capture holds at one point of a method: the state the engine carries along
    /// the edges of the control-flow graph. Absent means clean (or, for a parameter, what its declaration says).
    /// </summary>
    internal sealed class FlowState
    {
        private static readonly KeyComparer Comparer = new KeyComparer();

        private readonly Dictionary<object, Taint> _values;

        public FlowState()
        {
            _values = new Dictionary<object, Taint>(Comparer);
        }

        private FlowState(Dictionary<object, Taint> values)
        {
            _values = new Dictionary<object, Taint>(values, Comparer);
        }

        public FlowState Clone() => new FlowState(_values);

        public bool TryGet(object key, out Taint taint) => _values.TryGetValue(key, out taint);

        /// <summary>Strong update: an assignment replaces what the variable held.</summary>
        public void Set(object key, Taint taint)
        {
            if (taint.IsClean)
            {
                _values.Remove(key);
            }
            else
            {
                _values[key] = taint;
            }
        }

        /// <summary>Joins <paramref name="other"/> into this state (paths meet); true when this state grew.</summary>
        public bool MergeFrom(FlowState other)
        {
            var changed = false;
            foreach (var pair in other._values)
            {
                if (_values.TryGetValue(pair.Key, out var mine))
                {
                    var merged = mine.Union(pair.Value);
                    if (!merged.SetEquals(mine))
                    {
                        _values[pair.Key] = merged;
                        changed = true;
                    }
                }
                else
                {
                    _values[pair.Key] = pair.Value;
                    changed = true;
                }
            }

            return changed;
        }

        /// <summary>Locals and parameters are symbols, compared as such; flow captures compare by id.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y)
                => x is ISymbol left && y is ISymbol right ? SymbolEqualityComparer.Default.Equals(left, right) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }
    }
}
