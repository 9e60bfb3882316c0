using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>What the meta-tests compare: the descriptors, analyzers and fixers as built, and the repository's files.</summary>
    internal static class ProjectFacts
    {
        public const string HelpLinkBase = "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/";

        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        /// <summary>The folder that holds <c>PiiAnalyzers.sln</c>, found by walking up from the test's base directory.</summary>
        public static string RepositoryRoot => LazyRoot.Value;

        public static Assembly AnalyzerAssembly => typeof(Descriptors).Assembly;

        /// <summary>Every public or internal static <see cref="DiagnosticDescriptor"/> field of <see cref="Descriptors"/>.</summary>
        public static ImmutableArray<DiagnosticDescriptor> DeclaredDescriptors { get; } = typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToImmutableArray();

        /// <summary>The non-abstract <see cref="DiagnosticAnalyzer"/> types of the analyzer assembly.</summary>
        public static ImmutableArray<Type> AnalyzerTypes { get; } = ConcreteSubtypes(AnalyzerAssembly, typeof(DiagnosticAnalyzer));

        /// <summary>The exported analyzers (those a host loads), instantiated.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> ExportedAnalyzers { get; } = AnalyzerTypes
            .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        /// <summary>Every distinct descriptor instance: those of <see cref="Descriptors"/> and those analyzers support.</summary>
        public static ImmutableArray<DiagnosticDescriptor> AllDescriptors { get; } = DeclaredDescriptors
            .Concat(ExportedAnalyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics))
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<DiagnosticDescriptor>()
            .ToImmutableArray();

        /// <summary>The code-fix assembly, loaded by name (it may hold no type the tests reference).</summary>
        public static Assembly CodeFixAssembly { get; } = Assembly.Load(new AssemblyName("PiiAnalyzers.CodeFixes"));

        /// <summary>The non-abstract <see cref="CodeFixProvider"/> types of the code-fix assembly.</summary>
        /// <summary>The fixers a host can create (a public parameterless constructor), as IDEs and dotnet format find them.</summary>
        public static ImmutableArray<Type> CodeFixProviderTypes { get; } = ConcreteSubtypes(CodeFixAssembly, typeof(CodeFixProvider))
            .Where(type => type.GetConstructor(Type.EmptyTypes) is not null)
            .ToImmutableArray();

        /// <summary>How a descriptor's default severity is written in release tracking and the README.</summary>
        public static string SeverityText(DiagnosticDescriptor descriptor)
            => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

        public static string PathInRepository(params string[] parts)
            => Path.Combine(new[] { RepositoryRoot }.Concat(parts).ToArray());

        private static ImmutableArray<Type> ConcreteSubtypes(Assembly assembly, Type baseType)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                types = exception.Types.Where(type => type is not null).ToArray()!;
            }

            return types.Where(type => type.IsClass && !type.IsAbstract && baseType.IsAssignableFrom(type)).ToImmutableArray();
        }

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PiiAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("PiiAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>One row of a Markdown table, split into trimmed cells (the outer pipes dropped).</summary>
    internal static class MarkdownTable
    {
        public static IReadOnlyList<string> Cells(string line)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('|'))
            {
                trimmed = trimmed.Substring(1);
            }

            if (trimmed.EndsWith('|'))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 1);
            }

            return trimmed.Split('|').Select(cell => cell.Trim()).ToList();
        }

        public static bool IsSeparator(string line)
            => line.Trim().Length > 0 && line.Trim().All(c => c == '|' || c == '-' || c == ':' || c == ' ');
    }
}
