using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Sinks
{
    /// <summary>Settings written to disk reach the file sinks through the flow: serializer output and JSON nodes are text.</summary>
    public class SettingsFileSinkTests
    {
        private const string CheckSupport = "check consent for 'support' first";

        [Fact]
        public async Task SettingsSerializedToAFile_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    class Settings { public string Contact { get; set; } = ""; public int Theme { get; set; } }

                    void M(Visitor v)
                    {
                        var settings = new Settings { Contact = v.Email };
                        {|#0:System.IO.File.WriteAllText("appsettings.user.json", {|#1:System.Text.Json.JsonSerializer.Serialize(settings)|})|};
                        System.IO.File.WriteAllText("appsettings.user.json", System.Text.Json.JsonSerializer.Serialize(new Settings { Theme = 2 }));
                    }
                """),
                Rule("PII003", 0, Email, "'File.WriteAllText'", CheckSupport),
                Rule("PII002", 1, Email, "'JsonSerializer.Serialize'", CheckSupport));
        }

        [Fact]
        public async Task JsonNodeWrittenToAFile_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var node = new System.Text.Json.Nodes.JsonObject();
                        node["contact"] = v.Email;
                        {|#0:System.IO.File.WriteAllText("appsettings.user.json", node.ToJsonString())|};
                        var clean = new System.Text.Json.Nodes.JsonObject();
                        clean["theme"] = 2;
                        System.IO.File.WriteAllText("appsettings.user.json", clean.ToJsonString());
                    }
                """),
                Rule("PII003", 0, Email, "'File.WriteAllText'", CheckSupport));
        }
    }
}
