using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>Every code fix over every test input is either not offered or yields code with no new compiler error.</summary>
    public class CodeFixSafetyTests
    {
        [Fact]
        [Trait("Category", "Robustness")]
        public async Task EveryOfferedFix_AddsNoCompilerError()
        {
            var failures = new List<string>();
            var fixes = 0;
            var identityFixes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, source) in RobustnessInputs.All)
            {
                var compilation = RobustnessInputs.Compile(source);
                var (diagnostics, exceptions) = await RobustnessInputs.AnalyzeAsync(compilation);
                Assert.True(exceptions.IsEmpty, name + ": analyzers threw: " + string.Join(Environment.NewLine, exceptions));
                var before = Errors(compilation);
                foreach (var diagnostic in diagnostics.Where(d => RobustnessInputs.Fixers.Any(f => f.FixableDiagnosticIds.Contains(d.Id))))
                {
                    foreach (var (fix, fixedSource) in await RobustnessInputs.ApplyFixesAsync(source, diagnostic))
                    {
                        fixes++;
                        if (source.Contains("using Microsoft.AspNetCore.Identity;", StringComparison.Ordinal))
                        {
                            identityFixes.Add(fix.Substring(fix.IndexOf(": ", StringComparison.Ordinal) + 2));
                        }

                        var after = Errors(RobustnessInputs.Compile(fixedSource));
                        var added = after.Where(pair => pair.Value > (before.TryGetValue(pair.Key, out var count) ? count : 0)).Select(pair => pair.Key).ToList();
                        if (added.Count > 0)
                        {
                            failures.Add($"{name}: '{fix}' on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} adds {string.Join(", ", added)}:{Environment.NewLine}{fixedSource}");
                        }
                    }
                }
            }

            Assert.True(fixes > 0, "no fix was offered on any input");

            // Files importing ASP.NET Core Identity, whose [PersonalData] an added `using PiiAttributes;` makes ambiguous
            // (CS0104), are checked for every fix that writes a PiiAttributes name.
            foreach (var title in new[] { "Redact", "Add retention policy", "Mark as personal data" })
            {
                Assert.True(identityFixes.Any(t => t.StartsWith(title, StringComparison.Ordinal)), "no input importing Identity was fixed by '" + title + "'; fixed by: " + string.Join(", ", identityFixes));
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures.Take(5)));
        }

        /// <summary>Compiler errors by id and count (positions move when a fix edits the code).</summary>
        private static Dictionary<string, int> Errors(Compilation compilation)
            => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
                .GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}
