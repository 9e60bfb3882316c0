using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// Binding a document a fix has edited: how a fix learns that its edit compiles, and the costly part of offering a
    /// fix while the light bulb fills. Fixes bind edits through here so tests can count how often that happens.
    /// </summary>
    internal static class EditBinding
    {
        private static readonly AsyncLocal<StrongBox<int>?> Counter = new AsyncLocal<StrongBox<int>?>();

        /// <summary>The semantic model of <paramref name="edited"/>.</summary>
        public static Task<SemanticModel?> BindAsync(Document edited, CancellationToken cancellationToken)
        {
            if (Counter.Value is { } counter)
            {
                Interlocked.Increment(ref counter.Value);
            }

            return edited.GetSemanticModelAsync(cancellationToken);
        }

        /// <summary>Starts counting the edits bound in the calling asynchronous flow; the box holds the count.</summary>
        internal static StrongBox<int> StartCounting()
        {
            var counter = new StrongBox<int>();
            Counter.Value = counter;
            return counter;
        }
    }
}
