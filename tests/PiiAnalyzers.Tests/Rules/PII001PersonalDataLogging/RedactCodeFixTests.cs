using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.CodeFixes;
using PiiAnalyzers.Tests.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.RedactFix>;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001's "Redact with Redaction.Mask" fix: exact output for every shape of argument and body.</summary>
    public class RedactCodeFixTests
    {
        private static string Code(string body, string usings = "using PiiAttributes;\n") => /* lang=c#-test */ """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Chat;

            """ + usings + """

            class Service
            {
                private readonly ILogger<Service> _logger;
                public Service(ILogger<Service> logger) { _logger = logger; }

            """ + body + """

            }

            """;

        private static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] remaining)
        {
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = RedactPersonalDataCodeFixProvider.EquivalenceKey };
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            return test.RunAsync();
        }

        [Fact]
        public async Task StringArgument_IsMasked()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Email} joined", {|PII001:v.Email|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Email} joined", Redaction.Mask(v.Email));
                    }
                """));
        }

        [Fact]
        public async Task WithoutUsing_AddsItOnce()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Email} {Name}", {|PII001:v.Email|}, {|PII001:v.Name|});
                    }
                """, usings: ""), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Email} {Name}", Redaction.Mask(v.Email), Redaction.Mask(v.Name));
                    }
                """, usings: "using PiiAttributes;\n"));
        }

        [Fact]
        public async Task NonStringArguments_AreConvertedFirst()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, VisitorRecord r)
                    {
                        _logger.LogInformation("{Age}", {|PII001:v.Age|});
                        _logger.LogInformation("{Birth}", {|PII001:v.BirthDate|});
                        _logger.LogInformation("{Seen}", {|PII001:v.LastSeen|});
                        _logger.LogInformation("{Record}", {|PII001:r|});
                        _logger.LogInformation("{Seen}", {|PII001:v.LastSeen ?? v.BirthDate|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v, VisitorRecord r)
                    {
                        _logger.LogInformation("{Age}", Redaction.Mask(v.Age.ToString()));
                        _logger.LogInformation("{Birth}", Redaction.Mask(v.BirthDate.ToString()));
                        _logger.LogInformation("{Seen}", Redaction.Mask(v.LastSeen?.ToString()));
                        _logger.LogInformation("{Record}", Redaction.Mask(r?.ToString()));
                        _logger.LogInformation("{Seen}", Redaction.Mask((v.LastSeen ?? v.BirthDate).ToString()));
                    }
                """));
        }

        [Fact]
        public async Task TypeParameter_IsConvertedWithConditionalAccess()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M<T>([PersonalData(Purpose = "support")] T value) => _logger.LogInformation("{Value}", {|PII001:value|});
                """), Code(/* lang=c#-test */ """

                    void M<T>([PersonalData(Purpose = "support")] T value) => _logger.LogInformation("{Value}", Redaction.Mask(value?.ToString()));
                """));
        }

        [Fact]
        public async Task InterpolatedMessage_RedactsThePersonalHoles()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogWarning({|PII001:$"Blocked {v.IpAddress} (visitor {v.Id}, age {v.Age:D3}, {v.Email.Trim()})"|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogWarning($"Blocked {Redaction.Mask(v.IpAddress)} (visitor {v.Id}, age {Redaction.Mask(v.Age.ToString())}, {Redaction.Mask(v.Email.Trim())})");
                    }
                """));
        }

        [Fact]
        public async Task InterpolatedMessageWithoutAPersonalHole_HasEveryVariableHoleRedacted()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var ip = v.IpAddress;
                        const string Where = "gate";
                        _logger.LogWarning({|PII001:$"Blocked {ip} at {Where}"|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var ip = v.IpAddress;
                        const string Where = "gate";
                        _logger.LogWarning($"Blocked {Redaction.Mask(ip)} at {Where}");
                    }
                """));
        }

        [Fact]
        public async Task Concatenation_IsRedactedOperandByOperand()
        {
            await VerifyAsync(Code("""
    void M(Visitor v)
    {
        _logger.LogWarning({|PII001:"Loaded " + v.Name + " (" + v.Id + ", " + v.Age + ")"|});
    }
"""), Code("""
    void M(Visitor v)
    {
        _logger.LogWarning("Loaded " + Redaction.Mask(v.Name) + " (" + v.Id + ", " + Redaction.Mask(v.Age.ToString()) + ")");
    }
"""));
        }

        [Fact]
        public async Task ConcatenationOfALocal_HasItsVariableOperandsRedacted()
        {
            await VerifyAsync(Code("""
    void M(Visitor v)
    {
        var name = v.Name;
        _logger.LogWarning({|PII001:"Loaded " + name|});
        throw new InvalidOperationException({|PII001:"Unknown " + (name + "!")|});
    }
"""), Code("""
    void M(Visitor v)
    {
        var name = v.Name;
        _logger.LogWarning("Loaded " + Redaction.Mask(name));
        throw new InvalidOperationException("Unknown " + Redaction.Mask(name + "!"));
    }
"""));
        }

        [Fact]
        public async Task FixAll_RedactsEveryArgumentOfEveryCall_InOnePass()
        {
            var test = new Verify.Test
            {
                TestCode = Code("""
    void M(Visitor v)
    {
        _logger.LogInformation("{Email} {Name} {Ip}", {|PII001:v.Email|}, {|PII001:v.Name|}, {|PII001:v.IpAddress|});
        _logger.LogWarning({|PII001:"Loaded " + v.Name|});
    }
""", usings: ""),
                FixedCode = Code("""
    void M(Visitor v)
    {
        _logger.LogInformation("{Email} {Name} {Ip}", Redaction.Mask(v.Email), Redaction.Mask(v.Name), Redaction.Mask(v.IpAddress));
        _logger.LogWarning("Loaded " + Redaction.Mask(v.Name));
    }
""", usings: "using PiiAttributes;\n"),
                CodeActionEquivalenceKey = RedactPersonalDataCodeFixProvider.EquivalenceKey,
                NumberOfFixAllIterations = 1,
                NumberOfFixAllInDocumentIterations = 1,
                NumberOfFixAllInProjectIterations = 1,
            };
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            await test.RunAsync();
        }

        [Fact]
        public async Task HelperCallAndExceptionMessage_AreRedactedAtTheReportedArgument()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Audit({|PII001:v.Email|});
                        if (v.Id < 0) throw new InvalidOperationException({|PII001:$"Unknown visitor {v.Email}"|});
                    }
                    void Audit(string what) { _logger.LogInformation("Audit {What}", what); }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Audit(Redaction.Mask(v.Email));
                        if (v.Id < 0) throw new InvalidOperationException($"Unknown visitor {Redaction.Mask(v.Email)}");
                    }
                    void Audit(string what) { _logger.LogInformation("Audit {What}", what); }
                """));
        }

        [Fact]
        public async Task ProjectsOwnRedactor_IsUsedWhenItIsTheOnlyOne()
        {
            const string Redactor = /* lang=c#-test */ """

                static class Hashing
                {
                    [Redactor]
                    public static string Hash(string? value) => value is null ? "" : value.Length.ToString();
                }

                """;
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{Email}", {|PII001:v.Email|});
                """) + Redactor, Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{Email}", Hashing.Hash(v.Email));
                """) + Redactor);
        }

        [Fact]
        public async Task TwoOwnRedactors_FallBackToRedactionMask()
        {
            const string Redactors = /* lang=c#-test */ """

                static class Hashing
                {
                    [Redactor]
                    public static string Hash(string? value) => value is null ? "" : value.Length.ToString();
                    [Redactor]
                    public static string Truncate(object? value) => "?";
                }

                """;
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{Email}", {|PII001:v.Email|});
                """) + Redactors, Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{Email}", Redaction.Mask(v.Email));
                """) + Redactors);
        }

        [Fact]
        public async Task Titles_NameTheRedactor()
        {
            var own = await CodeFixModel.OfferedAsync<RedactFix>(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{Email}", v.Email);
                    [Redactor] static string Hash(object? value) => "#";
                """));
            var mask = await CodeFixModel.OfferedAsync<RedactFix>(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{Email}", v.Email);
                """));

            Assert.Equal(new[] { "Redact with Service.Hash" }, Assert.Single(own));
            Assert.Equal(new[] { "Redact with Redaction.Mask" }, Assert.Single(mask));
        }

        [Fact]
        public async Task LambdaAsyncAndStatementWithoutBraces_AreFixed()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    async Task M(Visitor v, Task<Visitor> load, bool verbose)
                    {
                        Action later = () => _logger.LogInformation("{Name}", {|PII001:v.Name|});
                        var loaded = await load;
                        if (verbose)
                            _logger.LogDebug("{Email}", {|PII001:loaded.Email|});
                    }
                """), Code(/* lang=c#-test */ """

                    async Task M(Visitor v, Task<Visitor> load, bool verbose)
                    {
                        Action later = () => _logger.LogInformation("{Name}", Redaction.Mask(v.Name));
                        var loaded = await load;
                        if (verbose)
                            _logger.LogDebug("{Email}", Redaction.Mask(loaded.Email));
                    }
                """));
        }

        [Fact]
        public async Task CommentsAndLayout_AreKept()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation(
                            "Visitor {Email} joined", // the address
                            /* who */ {|PII001:v.Email|} /* end */);
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation(
                            "Visitor {Email} joined", // the address
                            /* who */ Redaction.Mask(v.Email) /* end */);
                    }
                """));
        }

        [Fact]
        public async Task TopLevelStatements_AreFixed()
        {
            var test = new Verify.Test
            {
                TestCode = /* lang=c#-test */ """
                    using System;
                    using Chat;

                    var v = new Visitor();
                    Console.WriteLine({|PII001:v.Email|});

                    """,
                FixedCode = /* lang=c#-test */ """
                    using System;
                    using Chat;
                    using PiiAttributes;

                    var v = new Visitor();
                    Console.WriteLine(Redaction.Mask(v.Email));

                    """,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            await test.RunAsync();
        }

        [Fact]
        public async Task WhereRedactingWouldNotCompile_IsNotOffered()
        {
            var offered = await CodeFixModel.OfferedAsync<RedactFix>(Code(/* lang=c#-test */ """

                    void M(Visitor v) { Audit(v.Age); }
                    void Audit(int age) => _logger.LogInformation("{Age}", age);
                """));

            // Audit takes an int: a masked string would not compile.
            Assert.Single(offered);
            Assert.All(offered, Assert.Empty);
        }

        [Fact]
        public async Task FixAll_RedactsEveryDocument()
        {
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = RedactPersonalDataCodeFixProvider.EquivalenceKey,
            };
            test.TestState.Sources.Add(("/0/Test0.cs", Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("{Email}", {|PII001:v.Email|});
                        _logger.LogInformation("{Age}", {|PII001:v.Age|});
                    }
                """, usings: "")));
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.TestState.Sources.Add(("/0/Test2.cs", /* lang=c#-test */ """
                using Chat;

                static class Printer
                {
                    public static void Print(Visitor v) => System.Console.WriteLine({|PII001:$"{v.Name} <{v.Email}>"|});
                }

                """));
            test.FixedState.Sources.Add(("/0/Test0.cs", Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("{Email}", Redaction.Mask(v.Email));
                        _logger.LogInformation("{Age}", Redaction.Mask(v.Age.ToString()));
                    }
                """, usings: "using PiiAttributes;\n")));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add(("/0/Test2.cs", /* lang=c#-test */ """
                using Chat;
                using PiiAttributes;

                static class Printer
                {
                    public static void Print(Visitor v) => System.Console.WriteLine($"{Redaction.Mask(v.Name)} <{Redaction.Mask(v.Email)}>");
                }

                """));
            await test.RunAsync();
        }
    }
}
