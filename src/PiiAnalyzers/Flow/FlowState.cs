using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// What each local, parameter and flow capture holds at one point of a method, and what consent is known to have
    /// been given there: the state the engine carries along the edges of the control-flow graph. Personal data joins by
    /// union (it may be there on some path); consent joins by intersection (it must hold on every path). An absent
    /// variable is clean (or, for a parameter, holds what its declaration says).
    /// </summary>
    internal sealed class FlowState
    {
        private static readonly KeyComparer Comparer = new KeyComparer();
        private static readonly ImmutableDictionary<object, Taint> NoValues = ImmutableDictionary.Create<object, Taint>(Comparer);
        private static readonly ImmutableDictionary<object, ConsentCondition> NoConditions = ImmutableDictionary.Create<object, ConsentCondition>(Comparer);

        // Persistent maps: a copy shares them (a state is copied for every block on every pass), a write replaces only a
        // path, and a write that changes nothing keeps the same map, so states that did not diverge merge at once.
        private ImmutableDictionary<object, Taint> _values;
        private ImmutableDictionary<object, ConsentCondition> _conditions;

        // Members assigned null (or another clean value) on every path to this point: joins by intersection.
        private ImmutableHashSet<MemberKey> _cleared = ImmutableHashSet<MemberKey>.Empty;

        public FlowState(ConsentFacts consent = default)
        {
            _values = NoValues;
            _conditions = NoConditions;
            Consent = consent;
        }

        private FlowState(FlowState other)
        {
            _values = other._values;
            _conditions = other._conditions;
            _cleared = other._cleared;
            Consent = other.Consent;
            Weak = other.Weak;
        }

        /// <summary>
        /// Assignments add to what a variable held instead of replacing it: the state of an analysis without a graph
        /// (<see cref="TaintWalker.AnalyzeWithoutGraph"/>), where one state stands for every point of the body.
        /// </summary>
        public bool Weak { get; set; }

        /// <summary>The consent given on every path to this point.</summary>
        public ConsentFacts Consent { get; set; }

        /// <summary>A copy: constant time, the maps are shared until one side writes.</summary>
        public FlowState Clone() => new FlowState(this);

        /// <summary>What a boolean local or flow capture says about consent (<c>var ok = consent.Has(v);</c>).</summary>
        public ConsentCondition GetCondition(object key) => _conditions.TryGetValue(key, out var condition) ? condition : ConsentCondition.Unknown;

        public void SetCondition(object key, ConsentCondition condition)
        {
            if (condition.IsUnknown)
            {
                if (_conditions.Count > 0)
                {
                    _conditions = _conditions.Remove(key);
                }

            }
            else if (!_conditions.TryGetValue(key, out var known) || !known.SetEquals(condition))
            {
                _conditions = _conditions.SetItem(key, condition);
            }
        }

        public bool TryGet(object key, out Taint taint) => _values.TryGetValue(key, out taint);

        /// <summary>Strong update: an assignment replaces what the variable held (unless the state is <see cref="Weak"/>).</summary>
        public void Set(object key, Taint taint)
        {
            if (Weak && _values.TryGetValue(key, out var held))
            {
                taint = held.Union(taint);
            }

            TrackCleared(key, taint);
            if (taint.IsClean)
            {
                _values = _values.Remove(key);
            }
            else if (!_values.TryGetValue(key, out var known) || !known.SetEquals(taint))
            {
                _values = _values.SetItem(key, taint);
            }
        }

        /// <summary>
        /// True when <paramref name="member"/> of <paramref name="root"/> was given a clean value (<c>order.Lines = null</c>, or a new empty object)
        /// on every path to this point, and the variable was not written whole since.
        /// </summary>
        public bool IsCleared(object root, ISymbol member) => !_cleared.IsEmpty && _cleared.Contains(new MemberKey(root, member));

        private void TrackCleared(object key, Taint taint)
        {
            if (key is MemberKey member)
            {
                if (taint.IsClean && !Weak)
                {
                    _cleared = _cleared.Add(member);
                }
                else if (!_cleared.IsEmpty)
                {
                    _cleared = _cleared.Remove(member);
                }
            }
            else if (!_cleared.IsEmpty)
            {
                // order = other: what was cleared on the old object says nothing of the new one.
                foreach (var cleared in _cleared)
                {
                    if (Comparer.Equals(cleared.Root, key))
                    {
                        _cleared = _cleared.Remove(cleared);
                    }
                }
            }
        }

        /// <summary>
        /// Gives <paramref name="to"/> the members this state knows of <paramref name="from"/>: <c>dto = capture</c>
        /// after the graph built the object in a capture (<c>new Dto { Email = v.Email }</c>).
        /// </summary>
        public void CopyMembers(object from, object to)
        {
            // MembersOf enumerates the map as it was: the writes below replace it, they do not change it.
            foreach (var member in MembersOf(from))
            {
                Set(new MemberKey(to, member.Key), member.Value);
            }
        }

        /// <summary>What this state knows each member of <paramref name="root"/> holds (<c>vote.Note = email</c>).</summary>
        public IEnumerable<KeyValuePair<ISymbol, Taint>> MembersOf(object root)
        {
            foreach (var pair in _values)
            {
                if (pair.Key is MemberKey member && Comparer.Equals(member.Root, root))
                {
                    yield return new KeyValuePair<ISymbol, Taint>(member.Member, pair.Value);
                }
            }
        }

        /// <summary>Joins <paramref name="other"/> into this state (paths meet); true when this state changed.</summary>
        public bool MergeFrom(FlowState other)
        {
            var changed = false;
            var consent = Consent.Intersect(other.Consent);
            if (!consent.SetEquals(Consent))
            {
                Consent = consent;
                changed = true;
            }

            if (_conditions.Count > 0 && !ReferenceEquals(_conditions, other._conditions))
            {
                var conditions = _conditions;
                foreach (var pair in _conditions)
                {
                    var merged = pair.Value.Intersect(other.GetCondition(pair.Key));
                    if (!merged.SetEquals(pair.Value))
                    {
                        conditions = merged.IsUnknown ? conditions.Remove(pair.Key) : conditions.SetItem(pair.Key, merged);
                    }
                }

                if (!ReferenceEquals(conditions, _conditions))
                {
                    _conditions = conditions;
                    changed = true;
                }
            }

            if (!_cleared.IsEmpty && !ReferenceEquals(_cleared, other._cleared))
            {
                var cleared = _cleared.Intersect(other._cleared);
                if (cleared.Count != _cleared.Count)
                {
                    _cleared = cleared;
                    changed = true;
                }
            }

            if (ReferenceEquals(_values, other._values) || other._values.IsEmpty)
            {
                return changed;
            }

            if (_values.IsEmpty)
            {
                _values = other._values;
                return true;
            }

            var values = _values;
            foreach (var pair in other._values)
            {
                if (values.TryGetValue(pair.Key, out var mine))
                {
                    var merged = mine.Union(pair.Value);
                    if (!merged.SetEquals(mine))
                    {
                        values = values.SetItem(pair.Key, merged);
                    }
                }
                else
                {
                    values = values.SetItem(pair.Key, pair.Value);
                }
            }

            if (!ReferenceEquals(values, _values))
            {
                _values = values;
                changed = true;
            }

            return changed;
        }

        /// <summary>Locals, parameters and members are symbols, compared as such; flow captures compare by id.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y)
                => x is ISymbol left && y is ISymbol right ? SymbolEqualityComparer.Default.Equals(left, right) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }
    }
}

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// A member of the object a variable holds (<c>ticket.Note</c>), of <c>this</c> (<c>_last</c>), or a static member:
    /// what was last assigned to it in this method is what a read gives back.
    /// </summary>
    internal sealed class MemberKey : System.IEquatable<MemberKey>
    {
        /// <summary>Stands for <c>this</c> and for static members' absent instance.</summary>
        public static readonly object This = new object();

        public static readonly object Static = new object();

        public MemberKey(object root, ISymbol member)
        {
            Root = root;
            Member = member;
        }

        public object Root { get; }

        public ISymbol Member { get; }

        public bool Equals(MemberKey? other)
            => other is not null && SymbolEqualityComparer.Default.Equals(Member, other.Member)
                && (Root is ISymbol left && other.Root is ISymbol right ? SymbolEqualityComparer.Default.Equals(left, right) : Equals(Root, other.Root));

        public override bool Equals(object? obj) => Equals(obj as MemberKey);

        public override int GetHashCode()
            => (SymbolEqualityComparer.Default.GetHashCode(Member) * 31) + (Root is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : Root.GetHashCode());
    }
}
