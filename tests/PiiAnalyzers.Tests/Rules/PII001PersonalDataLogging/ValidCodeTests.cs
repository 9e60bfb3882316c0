using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>What a careful user writes: no PII001 for values derived without the data, plain objects, ids, redacted values, generated code and projects that mark nothing.</summary>
    public class ValidCodeTests
    {
        [Fact]
        public async Task ValuesDerivedWithoutTheData_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, string other)
                    {
                        _logger.LogInformation("{Hash}", v.Email.GetHashCode());
                        _logger.LogInformation("{Id}", v.Id.ToString());
                        _logger.LogInformation("{Id}", $"visitor-{v.Id}");
                        _logger.LogInformation("{Field}", nameof(v.Email));
                        _logger.LogInformation("Missing {Field}", nameof(Visitor.Email));
                        _logger.LogInformation("{Type}", typeof(Visitor));
                        _logger.LogInformation("{Type}", v.GetType().Name);
                        _logger.LogInformation("{IsNull}", v.Email is null);
                        _logger.LogInformation("{Blank}", string.IsNullOrWhiteSpace(v.Name));
                        _logger.LogInformation("{Same}", string.Equals(v.Email, other, StringComparison.OrdinalIgnoreCase));
                        _logger.LogInformation("{At}", v.Email.IndexOf('@'));
                        _logger.LogInformation("{Digits}", v.Name.Count(char.IsDigit));
                        _logger.LogInformation("{Count}", v.Messages.Count);
                        _logger.LogInformation("{Lengths}", string.Join(",", v.Messages.Select(m => m.Length)));
                        _logger.LogInformation("{Kind}", v.Email.Length > 0 ? "has email" : "no email");
                        _logger.LogInformation("{Length}", v.Email?.Length);
                        _logger.LogInformation("{Compare}", string.Compare(v.Name, other, StringComparison.Ordinal));
                    }
                """));
        }

        [Fact]
        public async Task PlainObjectToStringAndCleanMembers_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Contact c)
                    {
                        _logger.LogInformation("{Visitor}", v.ToString());
                        _logger.LogInformation($"Contact {c.Id} in {v.Locale}");
                        Console.WriteLine(c);
                        Console.WriteLine("Visitor " + v.Id + " has " + v.Messages.Count + " messages");
                    }
                """));
        }

        [Fact]
        public async Task ExceptionWithOnlyIds_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (string.IsNullOrEmpty(v.Email))
                        {
                            throw new ArgumentException($"Visitor {v.Id} has no address", nameof(v));
                        }
                    }
                """));
        }

        [Fact]
        public async Task CleanMemberOfContainer_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { _logger.LogInformation("Visitor {Id} {Locale}", v.Id, v.Locale); }
                """));
        }

        [Fact]
        public async Task RedactedValue_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { _logger.LogInformation("Visitor {Email}", Redaction.Mask(v.Email)); }
                """));
        }

        [Fact]
        public async Task DerivedNumberOrBool_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("{Length} {Has} {Starts} {Empty} {Eq}", v.Email.Length, v.Email.Contains("@"), v.Email.StartsWith("a"), string.IsNullOrEmpty(v.Name), v.Email == "x");
                    }
                """));
        }

        [Fact]
        public async Task ReassignedLocal_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var text = v.Email;
                        text = "anonymous";
                        _logger.LogInformation("{E}", text);
                    }
                """));
        }

        [Fact]
        public async Task NoAttributesReferenced_DoesNothing()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PersonalDataSinkAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>.Test
            {
                TestCode = /* lang=c#-test */ """

                    class C { void M(string email) => System.Console.WriteLine(email); }
                    """,
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.FrameworkOnly);
            await test.RunAsync();
        }

        [Fact]
        public async Task GeneratedCode_IsNotAnalyzed()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """
                // <auto-generated/>
                using Microsoft.Extensions.Logging;
                class Generated { void M(ILogger l, Chat.Visitor v) => l.LogInformation("{E}", v.Email); }

                """ + ChatModel.Source);
        }

    }
}
