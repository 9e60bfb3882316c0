using System.Text;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>Single methods at the per-method bounds of issue 8, each with personal data flowing through them to a log.</summary>
    public static class StressSources
    {
        private const string Prelude = @"using System;
using Microsoft.Extensions.Logging;
using PiiAttributes;

public sealed class Customer
{
    [PersonalData(Purpose = ""support"", Category = PersonalDataCategory.Contact)]
    public string Email { get; set; } = """";

    public int Visits { get; set; }
}

public sealed class Stress
{
    private readonly ILogger _logger;

    public Stress(ILogger logger) => _logger = logger;

";

        public static (string Name, string Source)[] All => new[]
        {
            ("5,000 statements", Statements(5000)),
            ("200 nested blocks", NestedBlocks(200)),
            ("1,000 chained assignments", Chain(1000)),
            ("10,000-case switch", Switch(10000)),
        };

        public static string Statements(int count)
        {
            var body = new StringBuilder();
            body.AppendLine("    public void Run(Customer c, int n)\n    {\n        var total = 0;\n        var text = c.Email;");
            for (var i = 0; i < count; i++)
            {
                switch (i % 5)
                {
                    case 0: body.AppendLine($"        total += n * {i};"); break;
                    case 1: body.AppendLine($"        if (total > {i}) text = text.Trim();"); break;
                    case 2: body.AppendLine($"        var s{i} = text + \"{i}\";"); break;
                    case 3: body.AppendLine($"        _logger.LogDebug(\"Step {{Step}}\", {i});"); break;
                    default: body.AppendLine($"        if (n == {i}) _logger.LogInformation(\"At {{Text}}\", s{i - 2});"); break;
                }
            }

            body.AppendLine("    }");
            return Prelude + body + "}\n";
        }

        public static string NestedBlocks(int depth)
        {
            var body = new StringBuilder();
            body.AppendLine("    public void Run(Customer c, int n)\n    {\n        var text = c.Email;");
            for (var i = 0; i < depth; i++)
            {
                body.Append(' ', 8).AppendLine(i % 2 == 0 ? $"if (n > {i})" : $"for (var i{i} = 0; i{i} < n; i{i}++)").Append(' ', 8).AppendLine("{");
                body.Append(' ', 8).AppendLine($"text = text + \"{i}\";");
            }

            body.Append(' ', 8).AppendLine("_logger.LogInformation(\"Deep {Text}\", text);");
            for (var i = 0; i < depth; i++)
            {
                body.Append(' ', 8).AppendLine("}");
            }

            body.AppendLine("    }");
            return Prelude + body + "}\n";
        }

        public static string Chain(int length)
        {
            var body = new StringBuilder();
            body.AppendLine("    public void Run(Customer c)\n    {\n        var a0 = c.Email;");
            for (var i = 1; i < length; i++)
            {
                body.AppendLine($"        var a{i} = a{i - 1};");
            }

            body.AppendLine($"        _logger.LogInformation(\"Chained {{Text}}\", a{length - 1});");
            body.AppendLine("    }");
            return Prelude + body + "}\n";
        }

        public static string Switch(int cases)
        {
            var body = new StringBuilder();
            body.AppendLine("    public void Run(Customer c, int n)\n    {\n        var text = \"\";\n        switch (n)\n        {");
            for (var i = 0; i < cases; i++)
            {
                body.AppendLine(i % 100 == 0 ? $"            case {i}: text = c.Email; break;" : $"            case {i}: text = \"{i}\"; break;");
            }

            body.AppendLine("        }\n        _logger.LogInformation(\"Switched {Text}\", text);\n    }");
            return Prelude + body + "}\n";
        }
    }
}
