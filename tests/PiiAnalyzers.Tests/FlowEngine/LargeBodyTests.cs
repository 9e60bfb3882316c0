using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Flow;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>
    /// Bodies with more branches than <see cref="BodyScan.MaxBranchesForGraph"/> are analyzed without a control-flow
    /// graph (Roslyn's graph builder is quadratic in blocks): flow-insensitively, still across helpers, lambdas and loops.
    /// </summary>
    public class LargeBodyTests
    {
        private const string Logged = "'LogInformation'";

        // PII001 names the data without its lawful basis.
        private const string LoggedEmail = "'Visitor.Email' (personal data, purpose 'support')";
        private const string LoggedPhone = "'Visitor.Phone' (personal data, purpose 'marketing')";
        private const string LoggedHealth = "'Visitor.HealthNote' (personal data, purpose 'support')";

        /// <summary>A method whose <paramref name="statements"/> sit among more branches than a graph is built for.</summary>
        private static string Huge(string statements, string parameters = "Visitor v, int n")
        {
            var body = new StringBuilder();
            body.AppendLine("    public void Run(" + parameters + ")\n    {\n        var text = \"\";");
            for (var i = 0; i <= BodyScan.MaxBranchesForGraph; i++)
            {
                body.AppendLine($"        if (n == {i}) text = \"{i}\";");
            }

            body.AppendLine(statements);
            body.AppendLine("    }");
            return "using Microsoft.Extensions.Logging;" + Code(/* lang=c#-test */ """

                    private readonly Microsoft.Extensions.Logging.ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

                """ + body);
        }

        [Fact]
        public void ForPerformance_ManyBranches_AreAnalyzedWithoutAGraph_FewAreNot()
        {
            var compilation = Robustness.RobustnessInputs.Compile(Huge("        _logger.LogInformation(\"{T}\", v.Email);") + """

                class Small { void M(Market.Visitor v, Microsoft.Extensions.Logging.ILogger l, int n) { if (n > 0) l.LogInformation("{E}", v.Email); } }
                """);
            var flow = FlowContext.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            BodyPlan PlanOf(string name)
            {
                var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == name);
                var body = model.GetOperation(method)!;
                return flow.Scan.Plan(body, flow.GetConfiguration(tree), CancellationToken.None);
            }

            Assert.Equal(BodyPlan.WithoutGraph, PlanOf("Run"));
            Assert.Equal(BodyPlan.Graph, PlanOf("M"));
        }

        [Fact]
        public async Task DataAssignedOnSomePath_LocalsLoopsLambdasAndLocalFunctions_AreFollowed()
        {
            await Verify.VerifyAnalyzerAsync(Huge(/* lang=c#-test */ """

                        if (n == -1) text = v.Email;
                        _logger.LogInformation("{T}", {|#0:text|});
                        var copy = v.Phone;
                        _logger.LogInformation("{C}", {|#1:copy|});
                        var emails = new[] { v }.Select(x => x.Email).ToList();
                        foreach (var email in emails)
                        {
                            _logger.LogInformation("{E}", {|#2:email|});
                        }
                        string Label(string s) => "<" + s + ">";
                        _logger.LogInformation("{L}", {|#3:Label(v.HealthNote)|});
                        _logger.LogInformation("{N}", v.Id);
                """),
                Rule("PII001", 0, LoggedEmail, Logged),
                Rule("PII001", 1, LoggedPhone, Logged),
                Rule("PII001", 2, LoggedEmail, Logged),
                Rule("PII001", 3, LoggedHealth, Logged));
        }

        [Fact]
        public async Task ConsentRules_ReportWhenTheBodyChecksNoConsent_AndNotWhenItChecksSome()
        {
            // Without a graph the order of checks and sinks is unknown: no consent check anywhere means none was made
            // (as the graph would say); a check somewhere may guard any sink, and the consent rules stay silent.
            await Verify.VerifyAnalyzerAsync(Huge(/* lang=c#-test */ """

                        var json = {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        _logger.LogInformation("{E}", {|#1:v.Email|});
                """),
                Rule("PII002", 0, Email, "'JsonSerializer.Serialize'", "check consent for 'support' first"),
                Rule("PII001", 1, LoggedEmail, Logged));

            await Verify.VerifyAnalyzerAsync(Huge(/* lang=c#-test */ """

                        if (_consent.CanSupport(v)) { text = System.Text.Json.JsonSerializer.Serialize(v.Email); }
                        _logger.LogInformation("{E}", {|#0:v.Email|});
                """),
                Rule("PII001", 0, LoggedEmail, Logged));
        }
    
        [Fact]
        public async Task CodeThatDoesNotCompile_IsAnalyzedWithoutAGraph_WithoutThrowing()
        {
            var compilation = Robustness.RobustnessInputs.Compile(Huge(/* lang=c#-test */ """

                        var x = v.
                        foreach (var m in v.Missing) { _logger.LogInformation("{M}", m, Unknown(v.Email)); }
                        Action a = () => _logger.LogInformation(v.Email
                        foreach (var (p, q) in new[] { (v.Email, 1) }) { _logger.LogInformation("{P}", p); }
                        int Local(int k) => k;
                        _logger.LogInformation("{L}", Local(undefined));
                """));

            var (diagnostics, exceptions) = await Robustness.RobustnessInputs.AnalyzeAsync(compilation);

            Assert.Empty(exceptions);
            Assert.Contains(diagnostics, d => d.Id == "PII001");
        }
    
        [Fact]
        [Trait("Category", "Robustness")]
        public async Task MutatedLargeBodies_NeverThrow()
        {
            // The fuzz test's mutations, applied to the statements that follow the branches (seeded, bounded).
            const string Tail = /* lang=c#-test */ """

                        if (n == -1) text = v.Email;
                        var copy = v.Phone ?? text;
                        foreach (var (email, i) in new[] { v }.Select((x, k) => (x.Email, k))) { _logger.LogInformation("{E}", email); }
                        string Label(string s) => "<" + s + ">";
                        Action<Visitor> log = x => _logger.LogInformation("{L}", Label(x.HealthNote));
                        if (_consent.CanSupport(v)) { text = System.Text.Json.JsonSerializer.Serialize(v); }
                        using (var scope = _logger.BeginScope(copy)) { try { log(v); } catch (Exception e) when (e.Message != text) { throw new InvalidOperationException(v.Email, e); } }
                        switch (copy) { case "a": text = v?.Email; break; case string other when other.Length > 0: _logger.LogWarning(other); break; }
                """;
            var random = new Random(11);
            for (var i = 0; i < 12; i++)
            {
                var (kind, tail) = Robustness.FuzzTests.Mutate(Tail, random);
                var (_, exceptions) = await Robustness.RobustnessInputs.AnalyzeAsync(Robustness.RobustnessInputs.Compile(Huge(tail)));
                Assert.True(exceptions.IsEmpty, kind + ": " + string.Join(Environment.NewLine, exceptions) + Environment.NewLine + tail);
            }
        }
    }
}
