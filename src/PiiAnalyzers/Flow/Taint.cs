using System.Collections.Immutable;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The personal data a value carries, split by how it would come out:
    /// <see cref="Printed"/> shows when the value is turned into text (ToString, formatting, a log hole);
    /// <see cref="Contained"/> is held in its members and shows when it is serialized, stored or destructured.
    /// Printed data is always contained too.
    /// </summary>
    internal readonly struct Taint
    {
        public static readonly Taint Clean = default;

        private readonly ImmutableArray<Origin> _printed;
        private readonly ImmutableArray<Origin> _contained;

        private Taint(ImmutableArray<Origin> printed, ImmutableArray<Origin> contained)
        {
            _printed = printed;
            _contained = contained;
        }

        public ImmutableArray<Origin> Printed => _printed.IsDefault ? ImmutableArray<Origin>.Empty : _printed;

        public ImmutableArray<Origin> Contained => _contained.IsDefault ? ImmutableArray<Origin>.Empty : _contained;

        public bool IsClean => Printed.IsEmpty && Contained.IsEmpty;

        /// <summary>A value that shows <paramref name="origin"/> whenever it is printed.</summary>
        public static Taint Direct(Origin origin) => new Taint(ImmutableArray.Create(origin), ImmutableArray.Create(origin));

        public static Taint Create(ImmutableArray<Origin> printed, ImmutableArray<Origin> contained)
            => new Taint(printed, Union(printed, contained));

        /// <summary>What a value shows at a sink: its printed data, or everything when its members are written out.</summary>
        public ImmutableArray<Origin> Visible(bool membersVisible) => membersVisible ? Contained : Printed;

        /// <summary>The text of the value (ToString, concatenation, interpolation): what it prints is all the text holds.</summary>
        public Taint AsText() => new Taint(Printed, Printed);

        /// <summary>The serialized form of the value: every member is written out as text.</summary>
        public Taint AsSerialized()
        {
            if (IsClean)
            {
                return Clean;
            }

            var builder = ImmutableArray.CreateBuilder<Origin>();
            foreach (var origin in Contained)
            {
                builder.Add(origin.IsParameter ? Origin.OfParameter(origin.Parameter, allMembers: true) : origin);
            }

            var all = Union(Printed, builder.ToImmutable());
            return new Taint(all, all);
        }

        /// <summary>The value as the member of a container: it no longer prints, unless the container prints its members.</summary>
        public Taint AsMember(bool containerPrintsMembers) => containerPrintsMembers ? this : new Taint(ImmutableArray<Origin>.Empty, Contained);

        public Taint Union(Taint other)
        {
            if (other.IsClean)
            {
                return this;
            }

            if (IsClean)
            {
                return other;
            }

            return new Taint(Union(Printed, other.Printed), Union(Contained, other.Contained));
        }

        public bool SetEquals(Taint other) => SameSet(Printed, other.Printed) && SameSet(Contained, other.Contained);

        public override string ToString() => "[" + string.Join(",", Printed) + " | " + string.Join(",", Contained) + "]";

        private static ImmutableArray<Origin> Union(ImmutableArray<Origin> left, ImmutableArray<Origin> right)
        {
            if (left.IsDefaultOrEmpty)
            {
                return right.IsDefault ? ImmutableArray<Origin>.Empty : right;
            }

            if (right.IsDefaultOrEmpty)
            {
                return left;
            }

            ImmutableArray<Origin>.Builder? builder = null;
            foreach (var origin in right)
            {
                if (!left.Contains(origin) && (builder is null || !builder.Contains(origin)))
                {
                    builder ??= ImmutableArray.CreateBuilder<Origin>();
                    builder.Add(origin);
                }
            }

            return builder is null ? left : left.AddRange(builder);
        }

        private static bool SameSet(ImmutableArray<Origin> left, ImmutableArray<Origin> right)
        {
            if (left.Length != right.Length)
            {
                return false;
            }

            foreach (var origin in left)
            {
                if (!right.Contains(origin))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
