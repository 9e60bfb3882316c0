using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration.InvalidDeclarationHelpers;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>
    /// PII007 on [PersonalData] beyond properties and fields: parameters (of methods, constructors, indexers, setters and
    /// delegates) and return values; and how the message names each target, nested and generic types included.
    /// </summary>
    public class DeclarationTargetTests
    {
        [Fact]
        public async Task ParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer
                {
                    public void Send([{|#0:PersonalData|}] string email, [PersonalData(Purpose = "support")] string name) { }

                    public Mailer([{|#1:PersonalData(Purpose = "")|}] string sender) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Mailer.Send(email)", MissingPurpose),
                Diagnostic(1, "[PersonalData]", "Mailer.Mailer(sender)", MissingPurpose));
        }

        [Fact]
        public async Task ParameterWithBadPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer
                {
                    public void Send([{|#0:PersonalData(Purpose = "spam")|}] string email) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes, Diagnostic(0, "[PersonalData]", "Mailer.Send(email)", NotAllowed("spam")));
        }

        [Fact]
        public async Task ReturnValueWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Directory
                {
                    [return: {|#0:PersonalData|}]
                    public string FindEmail(int id) => "";

                    [return: PersonalData(Purpose = "support")]
                    public string FindPhone(int id) => "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[return: PersonalData]", "Directory.FindEmail", MissingPurpose));
        }

        [Fact]
        public async Task RecordPrimaryConstructorParameter_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public record Visitor([{|#0:PersonalData|}] string Email, [property: {|#1:PersonalData(Purpose = "support,")|}] string Name);

                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Visitor.Visitor(Email)", MissingPurpose),
                Diagnostic(1, "[PersonalData]", "Visitor.Name", EmptyItem));
        }

        [Fact]
        public async Task ClassPrimaryConstructorParameter_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer([{|#0:PersonalData|}] string sender)
                {
                    public string Sender => sender;
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Mailer.Mailer(sender)", MissingPurpose));
        }

        [Fact]
        public async Task PartialMethodParameter_TriggersOnce()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public partial class Mailer
                {
                    public partial string Send([{|#0:PersonalData|}] string email);

                    [return: {|#1:PersonalData(Purpose = ",")|}]
                    public partial string Send(string email) => email;
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Mailer.Send(email)", MissingPurpose),
                Diagnostic(1, "[return: PersonalData]", "Mailer.Send", MissingPurpose));
        }

        [Fact]
        public async Task IndexerParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Book
                {
                    public string this[[{|#0:PersonalData|}] string email] => "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Book[email]", MissingPurpose));
        }

        [Fact]
        public async Task SetterValueParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Book
                {
                    public string this[[PersonalData(Purpose = "support")] string email]
                    {
                        get => "";
                        [param: {|#0:PersonalData|}]
                        set { }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Book.this.set(value)", MissingPurpose));
        }

        [Fact]
        public async Task DelegateParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [return: {|#1:PersonalData(Purpose = "support,")|}]
                public delegate string Notify([{|#0:PersonalData|}] string email);

                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Notify(email)", MissingPurpose),
                Diagnostic(1, "[return: PersonalData]", "Notify", EmptyItem));
        }

        [Fact]
        public async Task NestedAndGenericTypes_AreNamedWithContainingTypes()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Outer
                {
                    public class Box<T>
                    {
                        [{|#0:PersonalData|}]
                        public string Email = "";
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Outer.Box<T>.Email", MissingPurpose));
        }
    }
}
