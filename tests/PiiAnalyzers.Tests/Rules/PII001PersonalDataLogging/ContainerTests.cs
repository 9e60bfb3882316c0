using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 through containers: dictionaries, anonymous types, destructured objects, lists of records.</summary>
    public class ContainerTests
    {
        [Fact]
        public async Task DictionaryValuesJoined_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var fields = new Dictionary<string, string>();
                        fields.Add("email", v.Email);
                        fields["name"] = v.Name;
                        fields["locale"] = v.Locale;
                        _logger.LogInformation("Fields {Fields}", {|#0:string.Join(", ", fields.Values)|});
                    }
                """),
                Logged(0, Email + " and " + Name, "'LogInformation'"));
        }

        [Fact]
        public async Task DictionaryOfCleanValuesJoined_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var fields = new Dictionary<string, string>();
                        fields.Add("id", v.Id.ToString());
                        fields["locale"] = v.Locale;
                        _logger.LogInformation("Fields {Fields}", string.Join(", ", fields.Values));
                    }
                """));
        }

        [Fact]
        public async Task AnonymousTypeWithPersonalMember_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var data = new { v.Id, v.Email };
                        _logger.LogInformation("Visitor {Data}", {|#0:data|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task AnonymousTypeOfCleanMembers_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var data = new { v.Id, v.Locale, Count = v.Messages.Count, HasEmail = v.Email.Length > 0 };
                        _logger.LogInformation("Visitor {Data}", data);
                    }
                """));
        }

        [Fact]
        public async Task PlainClassDestructuredBySerilog_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Contact c, Serilog.ILogger log)
                    {
                        log.Information("Contact {@Contact}", {|#0:c|});
                    }
                """),
                Logged(0, "'Contact.Phone' (personal data, purpose 'support')", "'Information'"));
        }

        [Fact]
        public async Task PlainClassNotDestructured_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Contact c, Serilog.ILogger log)
                    {
                        log.Information("Contact {Contact}", c);
                        log.Information("Contact {$Contact}", c);
                        log.Information("Contact {@Id}", c.Id);
                    }
                """));
        }

        [Fact]
        public async Task ListOfRecords_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(List<VisitorRecord> records)
                    {
                        _logger.LogInformation("Records {Records}", {|#0:records|});
                    }
                """),
                Logged(0, "'VisitorRecord.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task ListOfPlainClasses_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(List<Visitor> visitors)
                    {
                        _logger.LogInformation("Visitors {Visitors}", visitors);
                        _logger.LogInformation("{Count} visitors", visitors.Count);
                        _logger.LogInformation("Ids {Ids}", visitors.Select(x => x.Id).ToList());
                    }
                """));
        }
    }
}
