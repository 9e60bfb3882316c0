using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.Tests.Robustness;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>The library-call tables are matched by type and overload, never by a method's name alone.</summary>
    public class LibraryModelsTests
    {
        private const string Source = /* lang=c#-test */ """

            using System.Collections.Generic;
            using System.Linq;
            using System.Text;

            namespace Contoso
            {
                public sealed class Roster
                {
                    public Roster Select(System.Func<string, string> selector) => this;
                    public Roster Where(System.Func<string, bool> predicate) => this;
                    public string Join(string separator) => separator;
                    public void Append(string value) { }
                    public override string ToString() => "roster";
                }

                public static class Calls
                {
                    public static void Run(List<string> names, string[] others, Roster roster, StringBuilder builder, string email)
                    {
                        names.Select(n => n.Trim());
                        names.Where(n => n.Length > 0);
                        names.OrderBy(n => n);
                        names.Zip(others, (a, b) => a + b);
                        names.Zip(others);
                        names.AsQueryable().Select(n => n.Trim());
                        names.Add(email);
                        builder.Append(email);
                        string.Join(",", names);
                        email.Trim();
                        roster.Select(n => n.Trim());
                        roster.Where(n => n.Length > 0);
                        roster.Join(",");
                        roster.Append(email);
                        roster.ToString();
                        System.Math.Max(1, 2);
                    }
                }
            }
            """;

        private static readonly (LibraryModels Models, IInvocationOperation[] Calls) Compiled = Compile();

        private static (LibraryModels, IInvocationOperation[]) Compile()
        {
            var compilation = RobustnessInputs.Compile(Source);
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var calls = tree.GetRoot().DescendantNodes().OfType<ExpressionStatementSyntax>()
                .Select(statement => (IInvocationOperation)model.GetOperation(statement.Expression)!)
                .ToArray();
            return (new LibraryModels(compilation), calls);
        }

        private static LibraryCall Match(string call)
        {
            var invocation = Compiled.Calls.Single(c => c.Syntax.ToString() == call);
            return Compiled.Models.Match(invocation.TargetMethod, invocation.Instance);
        }

        [Theory]
        [InlineData("names.Select(n => n.Trim())", nameof(LambdaFlow.Projects))]
        [InlineData("names.AsQueryable().Select(n => n.Trim())", nameof(LambdaFlow.Projects))]
        [InlineData("names.Where(n => n.Length > 0)", nameof(LambdaFlow.Chooses))]
        [InlineData("names.OrderBy(n => n)", nameof(LambdaFlow.Joins))]
        [InlineData("names.Zip(others, (a, b) => a + b)", nameof(LambdaFlow.Projects))]
        public void Linq_ModelsItsLambdas(string call, string expected)
            => Assert.Equal(expected, Match(call).Lambdas.ToString());

        [Fact]
        public void ZipWithoutSelector_IsNotTheProjectingOverload()
            => Assert.Equal(LambdaFlow.Joins, Match("names.Zip(others)").Lambdas);

        [Theory]
        [InlineData("roster.Select(n => n.Trim())")]
        [InlineData("roster.Where(n => n.Length > 0)")]
        [InlineData("roster.Join(\",\")")]
        public void SameNameOnAnUnrelatedType_IsNotModelled(string call)
        {
            var match = Match(call);
            Assert.Equal(LambdaFlow.None, match.Lambdas);
            Assert.False(match.ReturnsText);
            Assert.Equal(ReceiverFlow.None, match.Receiver);
        }

        [Fact]
        public void MutatorNameOnAnUnrelatedType_LeavesItsReceiverAlone()
            => Assert.Equal(ReceiverFlow.None, Match("roster.Append(email)").Receiver);

        [Fact]
        public void CollectionMutator_PutsItsArgumentsIntoTheReceiver()
            => Assert.Equal(ReceiverFlow.HoldsArguments, Match("names.Add(email)").Receiver);

        [Fact]
        public void BuilderAppend_PutsTheArgumentsTextIntoTheBuilder()
        {
            var match = Match("builder.Append(email)");
            Assert.Equal(ReceiverFlow.HoldsArgumentsAsText, match.Receiver);
            Assert.True(match.ReturnsText);
        }

        [Theory]
        [InlineData("string.Join(\",\", names)")]
        [InlineData("email.Trim()")]
        [InlineData("roster.ToString()")]
        public void TextMethods_ReturnText(string call)
            => Assert.True(Match(call).ReturnsText);

        [Fact]
        public void UnknownLibraryMethod_MatchesNoRow()
        {
            var match = Match("System.Math.Max(1, 2)");
            Assert.Equal(default(LibraryCall).Lambdas, match.Lambdas);
            Assert.False(match.ReturnsText);
            Assert.Equal(ReceiverFlow.None, match.Receiver);
        }

        [Fact]
        public void EveryTypedRow_ResolvesInAProjectThatReferencesTheFramework()
        {
            var compilation = RobustnessInputs.Compile(Source);
            foreach (var row in LibraryModels.All.Where(r => r.Type is not null))
            {
                Assert.True(compilation.GetTypeByMetadataName(row.Type!) is not null, row.Type);
                foreach (var parameter in row.Overload.IsDefault ? Enumerable.Empty<string>() : row.Overload)
                {
                    Assert.True(compilation.GetTypeByMetadataName(parameter) is not null, parameter);
                }
            }
        }
    }
}
