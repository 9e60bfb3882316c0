using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Mutated inputs (token runs deleted, truncated, stray tokens inserted, lines duplicated) through every analyzer
    /// and every code fix: nothing may throw. A fixed seed and a fixed count of mutations, so every machine runs the
    /// same inputs; <c>PII_FUZZ_ITERATIONS=N</c> runs N mutations of every input instead.
    /// </summary>
    public class FuzzTests
    {
        private const int Seed = 8;
        private const int DefaultMutations = 150;
        private static readonly string[] StrayTokens = { "{", "}", "(", ")", ";", "=>", "await", "?", "\"", "@", "new", "return", "[", "]", "<", ">", ",", ".", "=", "!", "static", "var x =" };

        [Fact]
        [Trait("Category", "Robustness")]
        public async Task MutatedInputs_NoAnalyzerOrCodeFixThrows()
        {
            var inputs = RobustnessInputs.All;
            var configured = Environment.GetEnvironmentVariable("PII_FUZZ_ITERATIONS");
            var perInput = int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var total = perInput > 0 ? perInput * inputs.Length : DefaultMutations;

            var random = new Random(Seed);
            var failures = new List<string>();
            var done = 0;
            for (var i = 0; i < total && failures.Count < 5; i++)
            {
                // Round-robin from a seeded start, so the default run covers inputs of every kind.
                var (name, source) = inputs[(i * 7919 + Seed) % inputs.Length];
                var (kind, mutated) = Mutate(source, random);
                var compilation = RobustnessInputs.Compile(mutated);
                var (diagnostics, exceptions) = await RobustnessInputs.AnalyzeAsync(compilation);
                if (!exceptions.IsEmpty)
                {
                    failures.Add($"{name}, {kind}: analyzers threw:{Environment.NewLine}{string.Join(Environment.NewLine, exceptions)}{Environment.NewLine}--- input ---{Environment.NewLine}{mutated}");
                    continue;
                }

                foreach (var diagnostic in diagnostics.Where(d => RobustnessInputs.Fixers.Any(f => f.FixableDiagnosticIds.Contains(d.Id))).Take(3))
                {
                    try
                    {
                        await RobustnessInputs.ApplyFixesAsync(mutated, diagnostic);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failures.Add($"{name}, {kind}: a code fix for {diagnostic} threw: {exception}{Environment.NewLine}--- input ---{Environment.NewLine}{mutated}");
                    }
                }

                done++;
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
            Assert.True(done > 0, "no mutated input was analyzed");
        }

        /// <summary>One seeded mutation of <paramref name="source"/>.</summary>
        internal static (string Kind, string Source) Mutate(string source, Random random)
        {
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
            switch (random.Next(4))
            {
                case 0 when tokens.Count > 1:
                {
                    var start = random.Next(tokens.Count);
                    var end = Math.Min(tokens.Count - 1, start + random.Next(1, 6));
                    var from = tokens[start].SpanStart;
                    var to = tokens[end].Span.End;
                    return ($"deleted tokens {start}..{end}", source.Remove(from, to - from));
                }

                case 1:
                    return ("truncated", source.Substring(0, random.Next(source.Length + 1)));
                case 2 when tokens.Count > 0:
                {
                    var at = tokens[random.Next(tokens.Count)].SpanStart;
                    var stray = StrayTokens[random.Next(StrayTokens.Length)];
                    return ($"inserted '{stray}'", source.Insert(at, stray + " "));
                }

                default:
                {
                    var lines = source.Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    return ($"duplicated line {line + 1}", string.Join("\n", lines));
                }
            }
        }
    }
}
