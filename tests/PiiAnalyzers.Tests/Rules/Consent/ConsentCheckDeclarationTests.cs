using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>PII007 on a <c>[ConsentCheck]</c> that no condition can test.</summary>
    public class ConsentCheckDeclarationTests
    {
        private static DiagnosticResult Diagnostic(int location, string target, string problem)
            => Verify.Diagnostic(Descriptors.InvalidDeclaration).WithLocation(location).WithArguments("[ConsentCheck]", target, problem);

        private static string NotACheck(string type)
            => "a consent check must return bool, Task<bool> or ValueTask<bool> (true when the person consented), or return nothing and throw without consent; '" + type + "' guards nothing";

        [Fact]
        public async Task ChecksOfEveryTestableShape_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
                using System.Threading.Tasks;
                using PiiAttributes;

                public interface IConsents
                {
                    [ConsentCheck] bool Allows(string id);
                    [ConsentCheck] Task<bool> AllowsAsync(string id);
                    [ConsentCheck] ValueTask<bool> AllowsNowAsync(string id);
                    [ConsentCheck] void Ensure(string id);
                    [ConsentCheck] Task EnsureAsync(string id);
                    [ConsentCheck] ValueTask EnsureNowAsync(string id);
                    [ConsentCheck] bool OptedIn { get; }
                }
                """);
        }

        [Fact]
        public async Task CheckReturningSomethingElse_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
                using System.Threading.Tasks;
                using PiiAttributes;

                public class Consents
                {
                    [{|#0:ConsentCheck|}]
                    public int Level(string id) => 0;
                    [{|#1:ConsentCheck(Purpose = "support")|}]
                    public Task<string> StatusAsync(string id) => Task.FromResult("");
                    [{|#2:ConsentCheck|}]
                    public string OptIn { get; set; } = "";
                    [{|#3:ConsentCheck|}]
                    public Task<bool> OptedInAsync => Task.FromResult(true);
                }
                """,
                Diagnostic(0, "Consents.Level", NotACheck("int")),
                Diagnostic(1, "Consents.StatusAsync", NotACheck("Task<string>")),
                Diagnostic(2, "Consents.OptIn", "a consent check property must be a bool; 'string' guards nothing"),
                Diagnostic(3, "Consents.OptedInAsync", "a consent check property must be a bool; 'Task<bool>' guards nothing"));
        }

        [Fact]
        public async Task CheckWhoseReturnTypeDoesNotBind_IsLeftToTheCompiler()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
                using PiiAttributes;

                public class Consents
                {
                    [ConsentCheck]
                    public {|CS0246:Missing|} Level(string id) => default!;
                }
                """);
        }
    }
}
