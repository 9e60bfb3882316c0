using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.Tests.Robustness;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    public class OperationWalkTests
    {
        [Fact]
        public void YieldsWhatDescendantsYields_InTheSameOrder_EvenWhenWalksNest()
        {
            var compilations = RobustnessInputs.All.Select(input => RobustnessInputs.Compile(RobustnessInputs.WithoutMarkup(input.Source)))
                .Append(RobustnessInputs.SampleCompilation());
            var roots = 0;
            var operations = 0;
            foreach (var compilation in compilations)
            {
                var bodies = new List<IOperation>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = compilation.GetSemanticModel(tree);
                    foreach (var node in tree.GetRoot().DescendantNodes())
                    {
                        if (model.GetOperation(node) is { Parent: null } root)
                        {
                            bodies.Add(root);
                        }
                    }
                }

                for (var i = 0; i < bodies.Count; i++)
                {
                    var expected = bodies[i].Descendants().ToList();
                    var walked = new List<IOperation>();
                    foreach (var operation in new OperationWalk(bodies[i]))
                    {
                        walked.Add(operation);
                        if (walked.Count == 1 && i + 1 < bodies.Count)
                        {
                            // A walk inside a walk (as the scan looks into a helper's body): each keeps its own stack.
                            Assert.Equal(bodies[i + 1].Descendants(), Walk(bodies[i + 1]));
                        }
                    }

                    Assert.Equal(expected, walked);
                    roots++;
                    operations += walked.Count;
                }
            }

            Assert.True(roots > 700 && operations > 6000, $"{roots} roots, {operations} operations");
        }

        [Fact]
        public void ForPerformance_CanBeEnumeratedAgain_AndGivesItsStackBackWhenABreakLeavesTheLoop()
        {
            var compilation = RobustnessInputs.SampleCompilation();
            var tree = compilation.SyntaxTrees.First();
            var root = compilation.GetSemanticModel(tree).GetOperation(tree.GetRoot().DescendantNodes().First(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax))!;
            var walk = new OperationWalk(root);
            foreach (var _ in walk)
            {
                break; // the stack goes back to the pool with operations still pending: it must come back empty
            }

            Assert.Equal(root.Descendants(), Walk(root));
            Assert.Equal(Walk(root), WalkAgain(walk));
        }

        private static List<IOperation> WalkAgain(OperationWalk walk)
        {
            var walked = new List<IOperation>();
            foreach (var operation in walk)
            {
                walked.Add(operation);
            }

            return walked;
        }

        private static List<IOperation> Walk(IOperation root)
        {
            var walked = new List<IOperation>();
            foreach (var operation in new OperationWalk(root))
            {
                walked.Add(operation);
            }

            return walked;
        }
    }
}
