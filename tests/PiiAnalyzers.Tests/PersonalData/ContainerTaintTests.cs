using System.Linq;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.PersonalData;
using Xunit;

namespace PiiAnalyzers.Tests.PersonalData
{
    /// <summary>Which types hold personal data in their members (the catalog's containers).</summary>
    public class ContainerTaintTests
    {
        // A one-member Visitor: which types count as containers is decided member by member, so every member is in view.
        private const string Source = /* lang=c#-test */ """

            using System.Collections.Generic;
            using Microsoft.Extensions.Logging;
            using PiiAttributes;

            public sealed class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; }
            public sealed class Holder { public Visitor? Current { get; set; } }
            public sealed class Service
            {
                public ILogger<Holder>? Logger;
                public Logger<Holder>? ConcreteLogger;
                public List<Holder>? Holders;
                public IEnumerable<ILogger<Holder>>? Loggers;
            }
            """;

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

        private const string Shapes = /* lang=c#-test */ """

            using System.Collections.Generic;
            using PiiAttributes;

            public sealed class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; }
            public sealed record Lead([property: PersonalData(Purpose = "support")] string Phone);

            // Cycles: a type that holds itself, two types that hold each other.
            public sealed class Node { public Node? Next { get; set; } public Visitor? Owner { get; set; } }
            public sealed class Ping { public Pong? Pong { get; set; } }
            public sealed class Pong { public Ping? Ping { get; set; } public Visitor? Visitor { get; set; } }

            // Depth: L1 reaches Visitor four levels down (the limit), L0 five.
            public sealed class L0 { public L1? Next { get; set; } }
            public sealed class L1 { public L2? Next { get; set; } }
            public sealed class L2 { public L3? Next { get; set; } }
            public sealed class L3 { public L4? Next { get; set; } }
            public sealed class L4 { public Visitor? Visitor { get; set; } }

            // The same type at two depths: Deep holds data three levels down, so it counts where it sits one level below Top,
            // whichever member is looked at first (Far reaches Deep three levels down, too deep for Deep's data).
            public sealed class Top { public Far? A { get; set; } public Deep? B { get; set; } }
            public sealed class Far { public Far2? Next { get; set; } }
            public sealed class Far2 { public Deep? Deep { get; set; } }
            public sealed class Deep { public Inner? Inner { get; set; } }
            public sealed class Inner { public Inner2? Next { get; set; } }
            public sealed class Inner2 { public Visitor? Visitor { get; set; } }

            // Records print their members; a class does not.
            public sealed record Card(Visitor Who, Lead Lead);
            public sealed class Box { public Lead? Lead { get; set; } public Dictionary<string, List<Visitor>>? Index { get; set; } }

            """;

        [Theory]
        [InlineData("Node", "Visitor.Email", "")]
        [InlineData("Ping", "Visitor.Email", "")]
        [InlineData("Pong", "Visitor.Email", "")]
        [InlineData("L0", "", "")]
        [InlineData("L1", "Visitor.Email", "")]
        [InlineData("Top", "Visitor.Email", "")]
        [InlineData("Far", "", "")]
        [InlineData("Lead", "Lead.Phone", "Lead.Phone")]
        [InlineData("Card", "Lead.Phone,Visitor.Email", "Lead.Phone")]
        [InlineData("Box", "Lead.Phone,Visitor.Email", "")]
        public void NestedTypes_CyclesAndDepth(string typeName, string contained, string printed)
        {
            var compilation = Robustness.RobustnessInputs.Compile(Shapes);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            // Asked first about the type itself, then after the other types in two orders (deepest first, and shallowest
            // first): the answer must not depend on the order, though answers computed deep are reused where the type
            // sits shallower, and answers the depth limit cut are not.
            var others = new[] { "Far", "Far2", "Deep", "Inner", "L4", "L3", "L2", "Pong", "Lead", "Visitor", "Top", "Card", "Box", "Node", "L0", "L1" };
            foreach (var warmUp in new[] { new string[0], others, others.Reverse().ToArray() })
            {
                var fresh = new PersonalDataCatalog(PrivacySymbols.Create(compilation));
                foreach (var other in warmUp)
                {
                    fresh.GetContainerTaint(compilation.GetTypeByMetadataName(other));
                }

                var taint = fresh.GetContainerTaint(compilation.GetTypeByMetadataName(typeName));

                Assert.Equal(contained, string.Join(",", taint.Contained.Select(o => o.Item!.Name).OrderBy(n => n, System.StringComparer.Ordinal)));
                Assert.Equal(printed, string.Join(",", taint.Printed.Select(o => o.Item!.Name).OrderBy(n => n, System.StringComparer.Ordinal)));
            }
        }
    }
}
