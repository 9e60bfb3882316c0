using System.Linq;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.PersonalData;
using Xunit;

namespace PiiAnalyzers.Tests.PersonalData
{
    /// <summary>Which types hold personal data in their members (the catalog's containers).</summary>
    public class ContainerTaintTests
    {
        private const string Source = @"
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using PiiAttributes;

public sealed class Visitor { [PersonalData(Purpose = ""support"")] public string Email { get; set; } = """"; }
public sealed class Holder { public Visitor? Current { get; set; } }
public sealed class Service
{
    public ILogger<Holder>? Logger;
    public Logger<Holder>? ConcreteLogger;
    public List<Holder>? Holders;
    public IEnumerable<ILogger<Holder>>? Loggers;
}";

        [Theory]
        [InlineData("Logger", false)]
        [InlineData("ConcreteLogger", false)]
        [InlineData("Loggers", false)]
        [InlineData("Holders", true)]
        public void LoggerCategory_IsNotContent(string field, bool holdsPersonalData)
        {
            var compilation = Robustness.RobustnessInputs.Compile(Source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var catalog = new PersonalDataCatalog(PrivacySymbols.Create(compilation));
            var type = ((IFieldSymbol)compilation.GetTypeByMetadataName("Service")!.GetMembers(field).Single()).Type;

            var taint = catalog.GetContainerTaint(type);

            Assert.Equal(holdsPersonalData ? new[] { "Visitor.Email" } : new string[0], taint.Contained.Select(o => o.Item!.Name).ToArray());
        }
    }
}
