using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>Calls through interfaces and virtual methods are summarized from every body the compilation declares for them.</summary>
    public class DispatchTests
    {
        private const string CheckSupport = "check consent for 'support' first";
        private const string CheckMarketing = "check consent for 'marketing' first";

        [Fact]
        public async Task InterfaceCall_ReportsWhereTheDataEntersTheService()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public interface INotifier { Task SendAsync(string text); }
                    public sealed class WebhookNotifier : INotifier
                    {
                        private readonly System.Net.Http.HttpClient _http = new();
                        public Task SendAsync(string text) => _http.PostAsync("https://hooks.example", new System.Net.Http.StringContent(text));
                    }
                    private readonly INotifier _notifier = new WebhookNotifier();
                    async Task M(Visitor v)
                    {
                        await {|#0:_notifier.SendAsync(v.Email)|};
                        if (_consent.CanSupport(v)) await _notifier.SendAsync(v.Email);
                        await _notifier.SendAsync("welcome");
                    }
                """),
                Rule("PII005", 0, Email, "'SendAsync' (through 'PostAsync')", CheckSupport));
        }

        [Fact]
        public async Task EveryImplementationCounts()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public interface ILeadStore { void Save(string line); }
                    public sealed class NullStore : ILeadStore { public void Save(string line) { } }
                    public sealed class FileStore : ILeadStore { public void Save(string line) => System.IO.File.AppendAllText("leads.txt", line); }
                    void M(ILeadStore store, Visitor v) => {|#0:store.Save(v.Phone)|};
                """),
                Rule("PII003", 0, Phone, "'Save' (through 'File.AppendAllText')", CheckMarketing));
        }

        [Fact]
        public async Task VirtualAndAbstractMethods_AreSummarizedFromTheirOverrides()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public abstract class Exporter
                    {
                        public abstract void Export(string text);
                        public virtual void Archive(string text) { }
                    }
                    public sealed class FileExporter : Exporter
                    {
                        public override void Export(string text) => System.IO.File.WriteAllText("export.txt", text);
                        public override void Archive(string text) => System.IO.File.AppendAllText("archive.txt", text);
                    }
                    void M(Exporter exporter, Visitor v)
                    {
                        {|#0:exporter.Export(v.Phone)|};
                        {|#1:exporter.Archive(v.Phone)|};
                    }
                """),
                Rule("PII003", 0, Phone, "'Export' (through 'File.WriteAllText')", CheckMarketing),
                Rule("PII003", 1, Phone, "'Archive' (through 'File.AppendAllText')", CheckMarketing));
        }

        [Fact]
        public async Task ImplementationThatChecksConsent_GuardsItsOwnSink()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public interface ILeadStore { void Save(Visitor v, string line); }
                    public sealed class CheckedStore : ILeadStore
                    {
                        private readonly Consent _consent = new();
                        public void Save(Visitor v, string line)
                        {
                            if (_consent.HasConsent(v, "marketing")) System.IO.File.AppendAllText("leads.txt", line);
                        }
                    }
                    void M(ILeadStore store, Visitor v) => store.Save(v, v.Phone);
                """));
        }

        [Fact]
        public async Task ValueReturnedByAnImplementation_IsPersonalData()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public interface IContactBook { string AddressOf(Visitor v); }
                    public sealed class ContactBook : IContactBook { public string AddressOf(Visitor v) => v.Email; }
                    string M(IContactBook book, Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(book.AddressOf(v))|};
                """),
                Rule("PII002", 0, Email, "'JsonSerializer.Serialize'", CheckSupport));
        }

        [Fact]
        public async Task GenericRepository_IsSummarizedForTheEntity()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public interface IRepository<T> { void Append(T item, string line); }
                    public sealed class FileRepository<T> : IRepository<T>
                    {
                        public void Append(T item, string line) => System.IO.File.AppendAllText("rows.txt", line);
                    }
                    void M(IRepository<Visitor> visitors, Visitor v) => {|#0:visitors.Append(v, v.Phone)|};
                """),
                Rule("PII003", 0, Phone, "'Append' (through 'File.AppendAllText')", CheckMarketing));
        }

        [Fact]
        public async Task MemberWithTooManyImplementations_IsALibraryMethod()
        {
            var implementations = new System.Text.StringBuilder();
            for (var i = 0; i < 9; i++)
            {
                implementations.Append("    public sealed class Store").Append(i)
                    .Append(" : ILeadStore { public void Save(string line) => System.IO.File.AppendAllText(\"leads.txt\", line); }\n");
            }

            await Verify.VerifyAnalyzerAsync(Code("""

                    public interface ILeadStore { void Save(string line); }
                    void M(ILeadStore store, Visitor v) => store.Save(v.Phone);
                """ + implementations));
        }

        [Fact]
        public async Task BaseCall_RunsTheBaseBodyOnly()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public class Exporter
                    {
                        public virtual void Export(string text) { }
                    }
                    public sealed class FileExporter : Exporter
                    {
                        public override void Export(string text) => System.IO.File.WriteAllText("export.txt", text);
                    }
                    public sealed class Quiet : Exporter
                    {
                        public void Run(Visitor v) => base.Export(v.Phone);
                    }
                """));
        }
    }
}
