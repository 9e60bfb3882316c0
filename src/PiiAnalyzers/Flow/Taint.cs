using System.Collections.Immutable;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The personal data a value carries, split by how it would come out:
    /// <see cref="Printed"/> shows when the value is turned into text (ToString, formatting, a log hole);
    /// <see cref="Contained"/> is held in its members and shows when it is serialized, stored or destructured.
    /// Printed data is always contained too. <see cref="SerializedOnly"/> is the contained data the value holds only as a
    /// serializer's output: that serializer has already reported it, so another serialization of the text does not.
    /// </summary>
    internal readonly struct Taint
    {
        public static readonly Taint Clean = default;

        private readonly ImmutableArray<Origin> _printed;
        private readonly ImmutableArray<Origin> _contained;
        private readonly ImmutableArray<Origin> _serializedOnly;

        private Taint(ImmutableArray<Origin> printed, ImmutableArray<Origin> contained, ImmutableArray<Origin> serializedOnly = default)
        {
            _printed = printed;
            _contained = contained;
            _serializedOnly = serializedOnly;
        }

        public ImmutableArray<Origin> Printed => _printed.IsDefault ? ImmutableArray<Origin>.Empty : _printed;

        public ImmutableArray<Origin> Contained => _contained.IsDefault ? ImmutableArray<Origin>.Empty : _contained;

        /// <summary>
        /// The contained data that reached this value only through a serializer's output (<c>JsonSerializer.Serialize(v)</c>),
        /// on every path: the serialization sink that produced it has reported it.
        /// </summary>
        public ImmutableArray<Origin> SerializedOnly => _serializedOnly.IsDefault ? ImmutableArray<Origin>.Empty : _serializedOnly;

        public bool IsClean => Printed.IsEmpty && Contained.IsEmpty;

        /// <summary>A value that shows <paramref name="origin"/> whenever it is printed.</summary>
        public static Taint Direct(Origin origin) => new Taint(ImmutableArray.Create(origin), ImmutableArray.Create(origin));

        public static Taint Create(ImmutableArray<Origin> printed, ImmutableArray<Origin> contained)
            => new Taint(printed, Union(printed, contained));

        /// <summary>What a value shows at a sink: its printed data, or everything when its members are written out.</summary>
        public ImmutableArray<Origin> Visible(bool membersVisible) => membersVisible ? Contained : Printed;

        /// <summary>The text of the value (ToString, concatenation, interpolation): what it prints is all the text holds.</summary>
        public Taint AsText()
        {
            var printed = Printed;
            return new Taint(printed, printed, SerializedOnly.IsEmpty ? default : SerializedOnly.RemoveAll(o => !printed.Contains(o)));
        }

        /// <summary>
        /// The text a serializer writes when it writes out <paramref name="written"/> (the data of the members it does not
        /// skip): every piece is printed, and marked as already serialized. A summary's parameter stands for all the
        /// members of what the caller passes.
        /// </summary>
        public static Taint Serialized(ImmutableArray<Origin> written)
        {
            if (written.IsDefaultOrEmpty)
            {
                return Clean;
            }

            var builder = ImmutableArray.CreateBuilder<Origin>(written.Length);
            foreach (var origin in written)
            {
                var text = origin.IsParameter ? Origin.OfParameter(origin.Parameter, allMembers: true) : origin;
                if (!builder.Contains(text))
                {
                    builder.Add(text);
                }
            }

            var all = builder.ToImmutable();
            return new Taint(all, all, all);
        }

        /// <summary>The value as the member of a container: it no longer prints, unless the container prints its members.</summary>
        public Taint AsMember(bool containerPrintsMembers) => containerPrintsMembers ? this : new Taint(ImmutableArray<Origin>.Empty, Contained, _serializedOnly);

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

            return new Taint(Union(Printed, other.Printed), Union(Contained, other.Contained), SerializedOnlyUnion(this, other));
        }

        public bool SetEquals(Taint other)
            => SameSet(Printed, other.Printed) && SameSet(Contained, other.Contained) && SameSet(SerializedOnly, other.SerializedOnly);

        /// <summary>Data serialized-only on either side and held directly on neither (a path where it is raw keeps it reported).</summary>
        private static ImmutableArray<Origin> SerializedOnlyUnion(Taint left, Taint right)
        {
            if (left.SerializedOnly.IsEmpty && right.SerializedOnly.IsEmpty)
            {
                return default;
            }

            var builder = ImmutableArray.CreateBuilder<Origin>();
            Add(left, right);
            Add(right, left);
            return builder.ToImmutable();

            void Add(Taint from, Taint other)
            {
                foreach (var origin in from.SerializedOnly)
                {
                    if (!builder.Contains(origin) && (!other.Contained.Contains(origin) || other.SerializedOnly.Contains(origin)))
                    {
                        builder.Add(origin);
                    }
                }
            }
        }

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
