using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Tests.Meta;
using PiiAnalyzers.Tests.Robustness;
using PiiAnalyzers.Tests.Rules;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>
    /// A graph without loops or handlers is analyzed in one pass that both reaches the fixed point and reports; it must
    /// find exactly what iterating to the fixed point and then reporting finds.
    /// </summary>
    public class SinglePassTests
    {
        [Fact]
        public void SinglePass_FindsWhatTheFixedPointFinds_InEveryBodyOfEveryTestInputAndTheSample()
        {
            var compilations = RobustnessInputs.All.Select(input => input.Source).Concat(WrappedFragments())
                .Select(source => RobustnessInputs.Compile(RobustnessInputs.WithoutMarkup(source)))
                .Append(RobustnessInputs.SampleCompilation());
            int forward = 0, other = 0, findings = 0;
            foreach (var compilation in compilations)
            {
                var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
                if (FlowContext.TryCreate(compilation, options) is not { } single || FlowContext.TryCreate(compilation, options, singlePassForForwardGraphs: false) is not { } iterating)
                {
                    continue;
                }

                foreach (var (root, owner) in Bodies(compilation))
                {
                    if (ControlFlowGraph.Create(root) is not { } graph)
                    {
                        continue;
                    }

                    if (TaintWalker.IsForwardOnly(graph.Blocks))
                    {
                        forward++;
                    }
                    else
                    {
                        other++;
                    }

                    var expected = Run(iterating, root, owner);
                    var actual = Run(single, root, owner);
                    Assert.Equal(expected, actual);
                    findings += expected.Count;
                }
            }

            // Both kinds of graph, and findings to compare, are there.
            Assert.True(forward > 400 && other > 25 && findings > 600, $"{forward} forward-only graphs, {other} others, {findings} findings");
        }

        [Theory]
        [InlineData("int M(int a) { var b = a + 1; return b; }", true)]
        [InlineData("int M(int a) { if (a > 0) { a = 1; } else { a = 2; } return a; }", true)]
        [InlineData("bool M(bool a, bool b) => a && b || !a;", true)]
        [InlineData("int M(int a) { switch (a) { case 1: return 1; default: return 2; } }", true)]
        [InlineData("int M(int a) { while (a > 0) { a--; } return a; }", false)]
        [InlineData("int M(int[] a) { var s = 0; foreach (var x in a) { s += x; } return s; }", false)]
        [InlineData("int M(int a) { try { a = 1; } catch (System.Exception) { a = 2; } return a; }", false)]
        [InlineData("int M(int a) { try { a = 1; } finally { a = 2; } return a; }", false)]
        public void ForPerformance_IsForwardOnly_ForGraphsWithoutLoopsOrHandlers(string method, bool expected)
        {
            var compilation = RobustnessInputs.Compile("class C { " + method + " }");
            var (root, _) = Assert.Single(Bodies(compilation));
            Assert.Equal(expected, TaintWalker.IsForwardOnly(ControlFlowGraph.Create(root)!.Blocks));
        }

        /// <summary>
        /// The method bodies the rule tests pass to their <c>Code(...)</c> wrappers, wrapped as those tests wrap them: most
        /// of the loops, branches and consent checks the tests exercise are written that way.
        /// </summary>
        private static IEnumerable<string> WrappedFragments()
        {
            var rules = ProjectFacts.PathInRepository("tests", "PiiAnalyzers.Tests", "Rules");
            const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
            var assembly = typeof(ConsentRulesTestModel).Assembly;
            foreach (var file in Directory.GetFiles(rules, "*.cs", SearchOption.AllDirectories).Where(f => !f.EndsWith("CodeFixTests.cs", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                var declaring = root.DescendantNodes().OfType<ClassDeclarationSyntax>()
                    .FirstOrDefault(c => c.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.Text == "Code"));

                // The wrapper is declared in the file, or imported with 'using static', or else the consent rules' one.
                var wrapperType = declaring is not null
                    ? assembly.GetType(string.Join(".", declaring.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()).Append(declaring.Identifier.Text)))
                    : root.DescendantNodes().OfType<UsingDirectiveSyntax>()
                        .Where(u => u.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && u.Name is not null)
                        .Select(u => assembly.GetType(u.Name!.ToString()))
                        .FirstOrDefault(t => t?.GetMethod("Code", AnyStatic) is not null)
                      ?? typeof(ConsentRulesTestModel);
                var wrapper = wrapperType?.GetMethod("Code", AnyStatic);
                if (wrapper is null)
                {
                    continue;
                }

                foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (call.Expression is IdentifierNameSyntax { Identifier.Text: "Code" }
                        && call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
                        && literal.Token.Value is string fragment)
                    {
                        var arguments = wrapper.GetParameters().Select((_, i) => i == 0 ? fragment : Type.Missing).ToArray();
                        yield return (string)wrapper.Invoke(null, BindingFlags.OptionalParamBinding, null, arguments, null)!;
                    }
                }
            }
        }

        private static List<string> Run(FlowContext flow, IMethodBodyOperation root, IMethodSymbol? owner)
        {
            var recorder = new Recorder();
            var configuration = flow.GetConfiguration(root.Syntax.SyntaxTree);
            var graph = flow.GetGraph(root, () => ControlFlowGraph.Create(root));
            var returns = new TaintWalker(flow, recorder, MethodSummaries.MaxDepth, summarizing: null, configuration, CancellationToken.None).Analyze(graph!, owner);
            recorder.Events.Add("returns " + returns);
            return recorder.Events;
        }

        private static IEnumerable<(IMethodBodyOperation Root, IMethodSymbol? Owner)> Bodies(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
                {
                    if (model.GetOperation(node) is IMethodBodyOperation root)
                    {
                        yield return (root, model.GetDeclaredSymbol(node) as IMethodSymbol);
                    }
                }
            }
        }

        private sealed class Recorder : IFlowObserver
        {
            public List<string> Events { get; } = new List<string>();

            public void OnSink(in SinkEvent sink)
                => Events.Add($"{sink.Kind} {sink.Describe()} at {sink.Call.Syntax.Span} of {sink.Argument.Syntax.Span}: {string.Join(",", sink.Visible)} members {sink.MembersVisible} consent {sink.Consent} root {sink.RootType}");

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
                => Events.Add($"requires consent at {call.Syntax.Span}: {method.Name} given {consent}");
        }
    }
}
