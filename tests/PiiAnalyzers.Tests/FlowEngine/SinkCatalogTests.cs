using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.Tests.Robustness;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>The scan's quick sink test must decide exactly as the full match the engine reports from.</summary>
    public class SinkCatalogTests
    {
        [Fact]
        public void IsSink_AgreesWithMatch_OnEveryCallAndCreationOfEveryTestInputAndTheSample()
        {
            var compilations = RobustnessInputs.All.Select(input => RobustnessInputs.Compile(RobustnessInputs.WithoutMarkup(input.Source)))
                .Append(RobustnessInputs.SampleCompilation());
            var sinks = 0;
            var calls = 0;
            var kinds = new HashSet<PiiAnalyzers.Sinks.SinkKind>();
            foreach (var compilation in compilations)
            {
                if (FlowContext.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)) is not { } flow)
                {
                    continue;
                }

                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = compilation.GetSemanticModel(tree);
                    var configuration = flow.GetConfiguration(tree);
                    foreach (var node in tree.GetRoot().DescendantNodes())
                    {
                        switch (model.GetOperation(node))
                        {
                            case IInvocationOperation invocation:
                                calls++;
                                var found = flow.Sinks.Match(invocation, configuration);
                                var match = found is not null;
                                sinks += match ? 1 : 0;
                                if (found is not null)
                                {
                                    kinds.Add(found.Kind);
                                }

                                Assert.True(match == flow.Sinks.IsSink(invocation, configuration), invocation.Syntax.ToString());
                                break;
                            case IObjectCreationOperation creation:
                                calls++;
                                var created = flow.Sinks.Match(creation) is not null;
                                sinks += created ? 1 : 0;
                                Assert.True(created == flow.Sinks.IsSink(creation), creation.Syntax.ToString());
                                break;
                        }
                    }
                }
            }

            // The inputs hold sinks of every kind, and calls that are none.
            Assert.True(sinks > 50 && calls > sinks, $"{sinks} sinks in {calls} calls");
            Assert.Equal(4, kinds.Count);
        }
    }
}
