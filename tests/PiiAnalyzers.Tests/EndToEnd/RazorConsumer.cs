using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PiiAnalyzers.Tests.EndToEnd
{
    /// <summary>
    /// A Razor class library (<c>Microsoft.NET.Sdk.Razor</c>, Blazor components and a Razor page) that installs the
    /// packed package: its warnings must name the <c>.razor</c> and <c>.cshtml</c> files and lines.
    /// </summary>
    public static class RazorConsumer
    {
        public const string Project = """
            <Project Sdk="Microsoft.NET.Sdk.Razor">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <AddRazorSupportForMvc>true</AddRazorSupportForMvc>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="PiiAnalyzers" Version="{VERSION}" />
              </ItemGroup>
            </Project>
            """;

        public const string Visitor = """
            using PiiAttributes;

            namespace RazorConsumer
            {
                public sealed class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = string.Empty;
                }
            }
            """;

        public const string Imports = """
            @using Microsoft.AspNetCore.Components
            @using Microsoft.AspNetCore.Components.Web
            """;

        /// <summary>Logs the e-mail in an event handler and in an <c>@code</c> method; declares an incomplete <c>[PersonalData]</c>.</summary>
        public const string Widget = """
            @using Microsoft.Extensions.Logging
            @using PiiAttributes
            @inject ILogger<Widget> Logger

            <p>@Visitor.Email</p>
            <button @onclick="@(() => Logger.LogInformation("Clicked by {Email}", Visitor.Email))">Send</button>

            @code {
                [Parameter] public Visitor Visitor { get; set; } = new Visitor();
                [PersonalData] public string Phone { get; set; } = "";

                private void Send()
                {
                    Logger.LogInformation("Sent to {Email}", Visitor.Email);
                }
            }
            """;

        /// <summary>Markup only: shows and binds the e-mail, which is no sink.</summary>
        public const string Card = """
            <p>@Visitor.Email</p>
            <input @bind="Visitor.Email" />

            @code {
                [Parameter] public Visitor Visitor { get; set; } = new Visitor();
            }
            """;

        /// <summary>A Razor page whose code block writes the e-mail to the console.</summary>
        public const string Page = """
            @page
            @using RazorConsumer
            @{
                var visitor = new Visitor();
                System.Console.WriteLine(visitor.Email);
            }
            <p>@visitor.Email</p>
            """;

        /// <summary>The warnings the build must print, as <c>file(line,column): warning ID</c> with the file relative to the project.</summary>
        public static string[] ExpectedWarnings => new[]
        {
            Warning("Components/Widget.razor", Widget, "Visitor.Email))", "PII001"),
            Warning("Components/Widget.razor", Widget, "Visitor.Email);", "PII001"),
            Warning("Components/Widget.razor", Widget, "[PersonalData]", "PII007", offset: 1),
            Warning("Pages/Index.cshtml", Page, "visitor.Email);", "PII001"),
        };

        /// <summary>Writes the project, installing the package's <paramref name="version"/>, into <paramref name="directory"/>, which already holds the feed's nuget.config.</summary>
        public static void WriteTo(string directory, string version)
        {
            Write(directory, "Directory.Build.props", "<Project />\n");
            Write(directory, "Directory.Build.targets", "<Project />\n");
            Write(directory, "Directory.Packages.props", "<Project />\n");
            Write(directory, "RazorConsumer.csproj", Project.Replace("{VERSION}", version, StringComparison.Ordinal));
            Write(directory, "Visitor.cs", Visitor);
            Write(directory, "Components/_Imports.razor", Imports);
            Write(directory, "Components/Widget.razor", Widget);
            Write(directory, "Components/Card.razor", Card);
            Write(directory, "Pages/Index.cshtml", Page);
        }

        private static string Warning(string file, string text, string marker, string id, int offset = 0)
        {
            var index = text.IndexOf(marker, StringComparison.Ordinal);
            if (index < 0 || text.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"'{marker}' must occur exactly once in {file}.");
            }

            index += offset;
            var line = 1 + text.Take(index).Count(c => c == '\n');
            var lineStart = text.LastIndexOf('\n', index - 1) + 1;
            return $"{file}({line},{index - lineStart + 1}): warning {id}";
        }

        private static void Write(string directory, string relativePath, string content)
        {
            var path = Path.Combine(directory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}
