using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>The helpers the PII001 tests by topic share.</summary>
    internal static class LoggingTopicSources
    {
        internal const string Email = "'Visitor.Email' (personal data, purpose 'support')";

        internal const string Name = "'Visitor.Name' (personal data, purposes 'support', 'billing')";

        internal const string Ip = "'Visitor.IpAddress' (personal data, purpose 'analytics')";

        internal const string Text = "'Message.Text' (personal data, purpose 'support')";

        internal static DiagnosticResult Logged(int location, string data, string sink)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        /// <summary>A <c>Service</c> class holding <paramref name="body"/>, then <paramref name="types"/>, then <see cref="ChatModel"/>.</summary>
        internal static string Code(string body, string types = "") => /* lang=c#-test */ """

            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiAttributes;
            using Chat;

            class Service
            {
                private readonly ILogger<Service> _logger;
                public Service(ILogger<Service> logger) { _logger = logger; }

            """ + body + """

            }

            """ + types + ChatModel.Source;
    }
}
