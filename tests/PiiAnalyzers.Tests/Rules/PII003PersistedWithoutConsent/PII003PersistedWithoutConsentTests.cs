using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII003PersistedWithoutConsent
{
    /// <summary>PII003: personal data persisted without a consent check.</summary>
    public class PII003PersistedWithoutConsentTests
    {
        private const string CheckSupport = "check consent for 'support' first";

        private const string CheckMarketing = "check consent for 'marketing' first";

        [Fact]
        public async Task EfCoreAddWithoutConsent_Triggers_RetainedTypeDoesNotTriggerPII004()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(MarketDb db, Note note)
                    {
                        {|#0:db.Notes.Add(note)|};
                        if (_consent.CanSupport(new Visitor())) db.Notes.Add(note);
                    }
                """) + MarketDb,
                Rule("PII003", 0, "'Note.Text' (personal data, purpose 'support', basis consent)", "'Add'", CheckSupport));
        }

        [Fact]
        public async Task FilesStreamsAndCaches_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    async Task M(Visitor v, System.IO.StreamWriter writer, Microsoft.Extensions.Caching.Distributed.IDistributedCache cache, StackExchange.Redis.IDatabase redis)
                    {
                        {|#0:System.IO.File.WriteAllText("visitors.txt", v.Email)|};
                        {|#1:writer.WriteLine(v.Email)|};
                        await {|#2:Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions.SetStringAsync(cache, "visitor", v.Email)|};
                        {|#3:redis.StringSet("visitor", v.Email)|};
                        Console.Out.WriteLine(v.Id);
                    }
                """),
                Rule("PII003", 0, Email, "'File.WriteAllText'", CheckSupport),
                Rule("PII003", 1, Email, "'WriteLine'", CheckSupport),
                Rule("PII003", 2, Email, "'SetStringAsync'", CheckSupport),
                Rule("PII003", 3, Email, "'StringSet'", CheckSupport));
        }

        [Fact]
        public async Task ConsoleStreamInALocalAssignedAgain_StaysAFileWriter()
        {
            // The console's stream in a local is a log only while nothing else can be in it: assigned again, or passed
            // by ref, the local may hold a file, and the write is reported as one.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, System.IO.StreamWriter file, bool toFile)
                    {
                        var output = Console.Out;
                        if (toFile) output = file;
                        {|#0:output.WriteLine(v.Email)|};
                        var errors = Console.Error;
                        Redirect(ref errors, file);
                        {|#1:errors.WriteLine(v.Email)|};
                        var (first, second) = (Console.Out, Console.Error);
                        (first, second) = (file, file);
                        {|#2:first.Write(v.Email)|};
                        switch (toFile)
                        {
                            case true:
                                var chosen = Console.Out;
                                {|#3:chosen.WriteLine(v.Email)|};
                                break;
                            default:
                                chosen = file; // a local of one section is in scope in all of them
                                break;
                        }
                    }

                    static void Redirect(ref System.IO.TextWriter writer, System.IO.TextWriter to) => writer = to;
                """),
                Rule("PII003", 0, Email, "'WriteLine'", CheckSupport),
                Rule("PII003", 1, Email, "'WriteLine'", CheckSupport),
                Rule("PII003", 2, Email, "'Write'", CheckSupport),
                Rule("PII003", 3, Email, "'WriteLine'", CheckSupport));
        }

        [Fact]
        public async Task DapperAndAdoNetParameters_Trigger_QueriesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, System.Data.IDbConnection connection, System.Data.Common.DbCommand command)
                    {
                        {|#0:Dapper.SqlMapper.Execute(connection, "insert into leads values (@Phone)", new { v.Phone })|};
                        Dapper.SqlMapper.Query<int>(connection, "select id from leads where phone = @Phone", new { v.Phone });
                        var parameter = command.CreateParameter();
                        {|#1:parameter.Value = v.Phone|};
                    }
                """),
                Rule("PII003", 0, Phone, "'Execute'", CheckMarketing),
                Rule("PII003", 1, Phone, "'DbParameter.Value'", CheckMarketing));
        }

        [Fact]
        public async Task MongoInsert_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, MongoDB.Driver.IMongoCollection<Visitor> visitors)
                    {
                        if (_consent.HasConsent(v, "support")) {|#0:visitors.InsertOne(v)|};
                    }
                """),
                // [JsonIgnore] is System.Text.Json's: MongoDB stores IpAddress all the same. The long remedy leaves room
                // for one name in a message of about 300 characters: Phone is counted.
                Rule("PII003", 0, "'Visitor.IpAddress' (personal data, purpose 'security', basis consent) and 1 more", "'InsertOne'",
                    "the consent checked here covers 'support', not the purpose the data was collected for; check consent for 'security' and 'marketing' first"));
        }

        [Fact]
        public async Task HelperThatStores_TriggersAtCallSite()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => {|#0:Save(v.Phone)|};
                    static void Save(string line) => System.IO.File.AppendAllText("leads.txt", line);
                """),
                Rule("PII003", 0, Phone, "'Save' (through 'File.AppendAllText')", CheckMarketing));
        }
    }
}
