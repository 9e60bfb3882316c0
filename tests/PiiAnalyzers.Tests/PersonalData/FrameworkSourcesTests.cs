using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.PersonalData
{
    /// <summary>
    /// Personal data the framework hands out unmarked: the user's name and claims, the client's address and headers.
    /// No declared purpose and no declared basis: logged (PII001) and stored (PII004) are reported, consent rules are not.
    /// </summary>
    public class FrameworkSourcesTests
    {
        /// <summary>Small stand-ins for the ASP.NET Core and token types, by their real names (the packages are not referenced).</summary>
        internal const string AspNetCore = /* lang=c#-test */ """

            namespace Microsoft.Extensions.Primitives
            {
                public readonly struct StringValues : System.Collections.Generic.IEnumerable<string?>
                {
                    public System.Collections.Generic.IEnumerator<string?> GetEnumerator() => null!;
                    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;
                    public static implicit operator string?(StringValues values) => null;
                }
            }
            namespace Microsoft.AspNetCore.Http
            {
                using Microsoft.Extensions.Primitives;
                public abstract class HttpContext
                {
                    public abstract ConnectionInfo Connection { get; }
                    public abstract HttpRequest Request { get; }
                    public abstract System.Security.Claims.ClaimsPrincipal User { get; set; }
                }
                public abstract class ConnectionInfo { public abstract System.Net.IPAddress? RemoteIpAddress { get; set; } }
                public abstract class HttpRequest { public abstract IHeaderDictionary Headers { get; } }
                public interface IHeaderDictionary : System.Collections.Generic.IDictionary<string, StringValues>
                {
                    new StringValues this[string key] { get; set; }
                    StringValues UserAgent { get => this["User-Agent"]; set => this["User-Agent"] = value; }
                    StringValues AcceptLanguage { get => this["Accept-Language"]; set => this["Accept-Language"] = value; }
                }
                public static class HeaderDictionaryExtensions
                {
                    public static string[] GetCommaSeparatedValues(this IHeaderDictionary headers, string key) => new string[0];
                }
            }
            namespace Microsoft.AspNetCore.Http.Features
            {
                public interface IHttpConnectionFeature { System.Net.IPAddress? RemoteIpAddress { get; set; } }
            }
            namespace Microsoft.Net.Http.Headers
            {
                public static class HeaderNames
                {
                    public static readonly string UserAgent = "User-Agent";
                    public static readonly string AcceptLanguage = "Accept-Language";
                }
            }
            namespace Microsoft.IdentityModel.JsonWebTokens
            {
                public static class JwtRegisteredClaimNames
                {
                    public const string Email = "email";
                    public const string Sub = "sub";
                    public const string Birthdate = "birthdate";
                }
            }

            """;

        private static string Code(string body) => /* lang=c#-test */ """

            using System.Linq;
            using System.Security.Claims;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Logging;
            using Microsoft.IdentityModel.JsonWebTokens;
            using Microsoft.Net.Http.Headers;
            class Service
            {
                private readonly ILogger _log = null!;

            """ + body + """

            }

            """ + AspNetCore;

        private static DiagnosticResult Logged(int location, string data, string sink = "'LogInformation'")
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        private static string Data(string name) => "'" + name + "' (personal data, no declared purpose)";

        [Fact]
        public async Task IdentityName_Logged_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(HttpContext context, ClaimsIdentity identity)
                    {
                        _log.LogInformation("{User}", {|#0:context.User.Identity?.Name|});
                        _log.LogInformation("{User}", {|#1:identity.Name|});
                    }
                """),
                Logged(0, Data("IIdentity.Name")),
                Logged(1, Data("ClaimsIdentity.Name")));
        }

        [Fact]
        public async Task NameOfAnUnrelatedType_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    class Product { public string Name { get; set; } = ""; public string FindFirst(string type) => type; }
                    void M(Product product, ClaimsPrincipal user)
                    {
                        _log.LogInformation("{Product} {Auth}", product.Name, user.Identity?.AuthenticationType);
                        _log.LogInformation("{Found}", product.FindFirst(ClaimTypes.Email));
                    }
                """));
        }

        [Fact]
        public async Task PersonalClaim_Logged_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(ClaimsPrincipal user, ClaimsIdentity identity)
                    {
                        _log.LogInformation("{Email}", {|#0:user.FindFirst(ClaimTypes.Email)?.Value|});
                        _log.LogInformation("{Email}", {|#1:user.FindFirstValue(JwtRegisteredClaimNames.Email)|});
                        _log.LogInformation("{Phone}", {|#2:user.FindFirstValue("phone_number")|});
                        var birth = identity.FindFirst("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/dateofbirth");
                        _log.LogInformation("{Birth}", {|#3:birth|});
                        _log.LogInformation("{Names}", {|#4:string.Join(",", user.FindAll(ClaimTypes.GivenName).Select(c => c.Value))|});
                        _log.LogInformation("{Picked}", {|#5:user.Claims.First(c => c.Type == ClaimTypes.Email).Value|});
                        _log.LogInformation("{Picked}", {|#6:user.Claims.FirstOrDefault(c => ClaimTypes.Email == c.Type)?.Value|});
                    }
                """),
                Logged(0, Data("ClaimTypes.Email claim")),
                Logged(1, Data("JwtRegisteredClaimNames.Email claim")),
                Logged(2, Data("phone_number claim")),
                Logged(3, Data("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/dateofbirth claim")),
                Logged(4, Data("ClaimTypes.GivenName claim")),
                Logged(5, Data("ClaimTypes.Email claim")),
                Logged(6, Data("ClaimTypes.Email claim")));
        }

        [Fact]
        public async Task ClaimThatIsNotPersonal_OrNotConstant_DoesNotTrigger()
        {
            // Roles and identifiers of the account (as Identity's key Id) are not personal data on their own; a claim type
            // known only at run time, or a claim picked by a test that is not of its type against a constant, is not read.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(ClaimsPrincipal user, string claimType)
                    {
                        _log.LogInformation("{Role}", user.FindFirst(ClaimTypes.Role)?.Value);
                        _log.LogInformation("{Id}", user.FindFirstValue(ClaimTypes.NameIdentifier));
                        _log.LogInformation("{Sub}", user.FindFirstValue(JwtRegisteredClaimNames.Sub));
                        _log.LogInformation("{Tenant}", user.FindFirstValue("tenant_id"));
                        _log.LogInformation("{Any}", user.FindFirstValue(claimType));
                        _log.LogInformation("{Picked}", user.Claims.First(c => c.Type == ClaimTypes.Role).Value);
                        _log.LogInformation("{Picked}", user.Claims.First(c => c.Type == claimType).Value);
                        _log.LogInformation("{Picked}", user.Claims.First(c => c.Value == ClaimTypes.Email).Value);
                        _log.LogInformation("{Count} {Admin}", user.Claims.Count(), user.HasClaim(ClaimTypes.Email, "x"));
                    }
                """));
        }

        [Fact]
        public async Task WholeClaimsCollection_LoggedOrStored_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(ClaimsPrincipal user)
                    {
                        _log.LogInformation("{@Claims}", {|#0:user.Claims|});
                        {|#1:System.IO.File.WriteAllText("claims.json", System.Text.Json.JsonSerializer.Serialize(user.Claims))|};
                    }
                """),
                Logged(0, Data("ClaimsPrincipal.Claims")),
                Verify.Diagnostic("PII004").WithLocation(1).WithDataArguments(Data("ClaimsPrincipal.Claims"), "'File.WriteAllText'", "'ClaimsPrincipal'"));
        }

        [Fact]
        public async Task FrameworkData_HasNoDeclaredBasis_SoNoConsentRuleApplies()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(ClaimsPrincipal user, HttpContext context)
                        => System.Text.Json.JsonSerializer.Serialize(new { user.Identity!.Name, Email = user.FindFirstValue(ClaimTypes.Email), context.Connection.RemoteIpAddress });
                """));
        }

        [Fact]
        public async Task RemoteIpAddress_Logged_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(HttpContext context, Microsoft.AspNetCore.Http.Features.IHttpConnectionFeature feature)
                    {
                        _log.LogInformation("{Ip}", {|#3:feature.RemoteIpAddress|});
                        _log.LogInformation("{Ip}", {|#0:context.Connection.RemoteIpAddress|});
                        _log.LogInformation("{Ip}", {|#1:context.Connection.RemoteIpAddress?.ToString()|});
                        var ip = context.Connection.RemoteIpAddress;
                        _log.LogInformation({|#2:$"From {ip}"|});
                        _log.LogInformation("{Family}", context.Connection.RemoteIpAddress?.AddressFamily);
                    }
                """),
                Logged(0, Data("ConnectionInfo.RemoteIpAddress")),
                Logged(1, Data("ConnectionInfo.RemoteIpAddress")),
                Logged(2, Data("ConnectionInfo.RemoteIpAddress")),
                Logged(3, Data("IHttpConnectionFeature.RemoteIpAddress")));
        }

        [Fact]
        public async Task AddressAndAgentHeaders_Logged_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(HttpRequest request)
                    {
                        _log.LogInformation("{For}", {|#0:request.Headers["X-Forwarded-For"].ToString()|});
                        _log.LogInformation("{Agent}", {|#1:request.Headers.UserAgent|});
                        _log.LogInformation("{Agent}", {|#2:request.Headers[HeaderNames.UserAgent]|});
                        if (request.Headers.TryGetValue("x-real-ip", out var real))
                        {
                            _log.LogInformation("{Real}", {|#3:real|});
                        }

                        _log.LogInformation("{First}", {|#4:request.Headers.GetCommaSeparatedValues("X-Forwarded-For").FirstOrDefault()|});
                    }
                """),
                Logged(0, Data("X-Forwarded-For header")),
                Logged(1, Data("User-Agent header")),
                Logged(2, Data("User-Agent header")),
                Logged(3, Data("X-Real-IP header")),
                Logged(4, Data("X-Forwarded-For header")));
        }

        [Fact]
        public async Task OtherHeaders_AndOtherDictionaries_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(HttpRequest request, System.Collections.Generic.Dictionary<string, string> settings, string name)
                    {
                        _log.LogInformation("{Lang}", request.Headers["Accept-Language"].ToString());
                        _log.LogInformation("{Lang}", request.Headers.AcceptLanguage);
                        _log.LogInformation("{Lang}", request.Headers[HeaderNames.AcceptLanguage]);
                        _log.LogInformation("{Any}", request.Headers[name]);
                        _log.LogInformation("{Agent}", settings["User-Agent"]);
                        _log.LogInformation("{Has}", request.Headers.ContainsKey("X-Forwarded-For"));
                    }
                """));
        }

        [Fact]
        public async Task HelperReturningTheClientAddress_CarriesItToItsCaller()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    private HttpContext Context { get; } = null!;

                    string GetRequestIP()
                    {
                        var forwarded = Context.Request.Headers["X-Forwarded-For"].FirstOrDefault();
                        return forwarded ?? Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    }

                    string GetRequestPath() => "/";

                    void M()
                    {
                        _log.LogInformation("{Ip}", {|#0:GetRequestIP()|});
                        _log.LogInformation("{Path}", GetRequestPath());
                    }
                """),
                Logged(0, Data("ConnectionInfo.RemoteIpAddress") + " and " + Data("X-Forwarded-For header")));
        }
    }
}
