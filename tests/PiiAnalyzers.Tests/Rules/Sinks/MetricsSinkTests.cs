using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Sinks
{
    /// <summary>Metric tags are exported to metrics backends like log lines (PII001); measured values are numbers and carry none.</summary>
    public class MetricsSinkTests
    {
        private const string Email = "'Visitor.Email' (personal data, purpose 'support')";

        private static string Code(string body) => /* lang=c#-test */ """
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Diagnostics.Metrics;
            using PiiAttributes;

            class Service
            {
            """ + body + """

            }

            public class Visitor
            {
                public int Id { get; set; }
                [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                public string Email { get; set; } = "";
            }

            namespace Contoso
            {
                public class Counter<T>
                {
                    public void Add(T delta, KeyValuePair<string, object?> tag) { }
                }
            }
            """;

        private static DiagnosticResult Logged(int location, string sink)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(Email, sink);

        [Fact]
        public async Task CounterAndUpDownCounterTags_Trigger_DeltaAndOtherTypesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Code("""
                    void M(Visitor v, Counter<int> signIns, UpDownCounter<long> online, Contoso.Counter<int> own)
                    {
                        signIns.Add(1, {|#0:new KeyValuePair<string, object?>("user.email", v.Email)|});
                        signIns.Add(1, new KeyValuePair<string, object?>("user.id", v.Id), {|#1:new KeyValuePair<string, object?>("user.email", v.Email)|});
                        signIns.Add(1, {|#2:new[] { new KeyValuePair<string, object?>("user.email", v.Email) }|});
                        signIns.Add(v.Email.Length, new KeyValuePair<string, object?>("user.id", v.Id));
                        signIns.Add(1, {|#4:new KeyValuePair<string, object?>(v.Email, "a key is exported too")|});
                        online.Add(1, {|#3:new KeyValuePair<string, object?>("user.email", v.Email)|});
                        own.Add(1, new KeyValuePair<string, object?>("user.email", v.Email));
                    }
                """),
                Logged(0, "'Add'"),
                Logged(1, "'Add'"),
                Logged(2, "'Add'"),
                Logged(3, "'Add'"),
                Logged(4, "'Add'"));
        }

        [Fact]
        public async Task HistogramTagList_Triggers_ATagListWithoutDataDoesNot()
        {
            await Verify.VerifyAnalyzerAsync(Code("""
                    void M(Visitor v, Histogram<double> latency)
                    {
                        var tags = new TagList { { "user.email", v.Email } };
                        latency.Record(12.5, {|#0:tags|});
                        var clean = new TagList { { "user.id", v.Id } };
                        latency.Record(12.5, clean);
                        latency.Record(12.5);
                    }
                """),
                Logged(0, "'Record'"));
        }
    }
}
