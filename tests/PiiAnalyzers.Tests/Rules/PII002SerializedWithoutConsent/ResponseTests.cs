using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII002SerializedWithoutConsent
{
    /// <summary>PII002 for what ASP.NET Core serializes itself: actions' and route handlers' return values, result objects.</summary>
    public class ResponseTests
    {
        private const string CheckSupport = "check consent for 'support' first";

        /// <summary>Small stand-ins for the ASP.NET Core types, by their real names (the packages are not referenced).</summary>
        private const string AspNetCore = /* lang=c#-test */ """

            namespace Microsoft.AspNetCore.Mvc
            {
                using System;
                public interface IActionResult { }
                public abstract class ActionResult : IActionResult { }
                public class ObjectResult : ActionResult { public ObjectResult(object? value) { Value = value; } public object? Value { get; set; } }
                public class OkObjectResult : ObjectResult { public OkObjectResult(object? value) : base(value) { } }
                public class NotFoundResult : ActionResult { }
                public class JsonResult : ActionResult { public JsonResult(object? value) { Value = value; } public object? Value { get; set; } }
                public sealed class ActionResult<TValue> : Infrastructure.IConvertToActionResult
                {
                    public ActionResult(TValue value) { }
                    public ActionResult(ActionResult result) { }
                    public static implicit operator ActionResult<TValue>(TValue value) => new ActionResult<TValue>(value);
                    public static implicit operator ActionResult<TValue>(ActionResult result) => new ActionResult<TValue>(result);
                }
                [AttributeUsage(AttributeTargets.Class)] public class ControllerAttribute : Attribute { }
                [AttributeUsage(AttributeTargets.Class)] public class ApiControllerAttribute : ControllerAttribute { }
                [AttributeUsage(AttributeTargets.Method)] public sealed class NonActionAttribute : Attribute { }
                [Controller]
                public abstract class ControllerBase
                {
                    public System.Security.Claims.ClaimsPrincipal User => null!;
                    public OkObjectResult Ok(object? value) => null!;
                    public NotFoundResult NotFound() => null!;
                }
            }
            namespace Microsoft.AspNetCore.Mvc.Infrastructure { public interface IConvertToActionResult { } }
            namespace Microsoft.AspNetCore.Mvc.RazorPages { public abstract class PageModel { } }
            namespace Microsoft.AspNetCore.Http
            {
                public abstract class HttpContext { }
                public interface IResult { }
                public static class Results { public static IResult Ok(object? value = null) => null!; }
            }
            namespace Microsoft.AspNetCore.Routing { public interface IEndpointRouteBuilder { } }
            namespace Microsoft.AspNetCore.Builder
            {
                using System;
                using Microsoft.AspNetCore.Routing;
                public static class EndpointRouteBuilderExtensions
                {
                    public static object MapGet(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null!;
                    public static object MapPost(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) => null!;
                }
            }

            """;

        private static string Source(string code) => /* lang=c#-test */ """

            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Routing;
            using Market;

            """ + code + Model + AspNetCore;

        private static string Action(string name) => "the response of 'VisitorsController." + name + "'";

        [Fact]
        public async Task ActionReturningData_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                public class VisitorsController : ControllerBase
                {
                    private readonly Consent _consent = new Consent();
                    private readonly List<Visitor> _visitors = new List<Visitor>();

                    public string GetEmail(Visitor v) => {|#0:v.Email|};

                    public ActionResult<Visitor> Get(int id)
                    {
                        var v = _visitors.FirstOrDefault(x => x.Id == id);
                        if (v is null)
                        {
                            return NotFound();
                        }

                        return {|#1:v|};
                    }

                    public IEnumerable<Visitor> List() => {|#2:_visitors|};

                    public async Task<ActionResult<string>> EmailAsync(int id)
                    {
                        await Task.Yield();
                        return {|#3:_visitors[id].Email|};
                    }
                }

                """),
                Rule("PII002", 0, Email, Action("GetEmail"), CheckSupport),
                Rule("PII002", 1, Email + " and 2 more", Action("Get"), "check consent for 'support' and 'marketing' first (special category data needs explicit consent, GDPR Art. 9)"),
                Rule("PII002", 2, Email + " and 2 more", Action("List"), "check consent for 'support' and 'marketing' first (special category data needs explicit consent, GDPR Art. 9)"),
                Rule("PII002", 3, Email, Action("EmailAsync"), CheckSupport));
        }

        [Theory]
        [InlineData(false, "'Card.Email' (personal data, purpose 'support', basis consent)")]
        [InlineData(true, "'Card.Phone' (personal data, purpose 'support', basis consent)")]
        public async Task MvcResponse_SkipsWhatItsFormattersIgnoreAttributeLeavesOut(bool newtonsoftFormatter, string listed)
        {
            // An application that calls AddNewtonsoftJson() (and so references its MVC formatter) serializes responses with
            // Newtonsoft.Json: System.Text.Json's [JsonIgnore] no longer leaves a member out, Newtonsoft's does. Minimal
            // APIs keep System.Text.Json.
            var formatter = newtonsoftFormatter
                ? "namespace Microsoft.Extensions.DependencyInjection { public static class NewtonsoftJsonMvcBuilderExtensions { } }\n"
                : string.Empty;
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                public class Card
                {
                    [PiiAttributes.PersonalData(Purpose = "support")]
                    [Newtonsoft.Json.JsonIgnore]
                    public string Email { get; set; } = "";
                    [PiiAttributes.PersonalData(Purpose = "support")]
                    [System.Text.Json.Serialization.JsonIgnore]
                    public string Phone { get; set; } = "";
                }

                public class CardsController : ControllerBase
                {
                    public Card Get(Card card) => {|#0:card|};
                    public IActionResult Show(Card card) => {|#1:Ok(card)|};
                }

                """) + formatter,
                Rule("PII002", 0, listed, "the response of 'CardsController.Get'", CheckSupport),
                Rule("PII002", 1, listed, "'Ok'", CheckSupport));
        }

        [Fact]
        public async Task ControllerMarkedByAttribute_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                [ApiController]
                public class VisitorsController
                {
                    public string GetEmail(Visitor v) => {|#0:v.Email|};
                }

                """),
                Rule("PII002", 0, Email, Action("GetEmail"), CheckSupport));
        }

        [Fact]
        public async Task OkResult_IsReportedOnce()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                public class VisitorsController : ControllerBase
                {
                    public IActionResult GetEmail(Visitor v) => {|#0:Ok(v.Email)|};

                    public ActionResult<string> Get(Visitor v)
                    {
                        var result = {|#1:Ok(v.Email)|};
                        return result;
                    }

                    public async Task<IActionResult> GetAsync(Visitor v)
                    {
                        await Task.Yield();
                        return {|#2:new JsonResult(v.Email)|};
                    }

                    public IActionResult GetObject(Visitor v) => {|#3:new OkObjectResult(v.Email)|};
                }

                """),
                Rule("PII002", 0, Email, "'Ok'", CheckSupport),
                Rule("PII002", 1, Email, "'Ok'", CheckSupport),
                Rule("PII002", 2, Email, "'JsonResult'", CheckSupport),
                Rule("PII002", 3, Email, "'OkObjectResult'", CheckSupport));
        }

        [Fact]
        public async Task NotAnAction_OrNothingPersonal_OrGuarded_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                public class VisitorsController : ControllerBase
                {
                    private readonly Consent _consent = new Consent();

                    [NonAction]
                    public string Email(Visitor v) => v.Email;

                    private string PrivateEmail(Visitor v) => v.Email;

                    internal string InternalEmail(Visitor v) => v.Email;

                    public static string StaticEmail(Visitor v) => v.Email;

                    public int GetId(Visitor v) => v.Id;

                    public string GetBilling(Visitor v) => v.BillingAddress;

                    public ActionResult<string> Guarded(Visitor v)
                    {
                        if (!_consent.CanSupport(v))
                        {
                            return NotFound();
                        }

                        return v.Email;
                    }

                    public override string ToString() => new Visitor().Email;

                    public string? Me() => User.Identity?.Name;
                }

                public class VisitorService
                {
                    public string GetEmail(Visitor v) => v.Email;
                }

                public abstract class BaseController : ControllerBase
                {
                    public string GetEmail(Visitor v) => v.Email;
                }

                """));
        }

        [Fact]
        public async Task MinimalApiHandlers_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                static class Endpoints
                {
                    public static void Map(IEndpointRouteBuilder app, Consent consent, List<Visitor> visitors)
                    {
                        app.MapGet("/visitors/{id}/email", (int id) => {|#0:visitors[id].Email|});
                        app.MapPost("/visitors", (int id) =>
                        {
                            var v = visitors[id];
                            return {|#1:v.Phone|};
                        });
                        app.MapGet("/first", {|#2:FirstEmail|});
                        app.MapGet("/ids", (int id) => visitors[id].Id);
                        app.MapGet("/guarded", (int id) =>
                        {
                            if (!consent.CanSupport(visitors[id]))
                            {
                                return "";
                            }

                            return visitors[id].Email;
                        });
                        app.MapGet("/ok", (int id) => {|#3:Microsoft.AspNetCore.Http.Results.Ok(visitors[id].Email)|});
                        var names = visitors.Select(v => v.Email).Count();
                    }

                    private static readonly Visitor First = new Visitor();

                    static string FirstEmail() => First.Email;
                }

                """),
                Rule("PII002", 0, Email, "the response of the 'MapGet' handler", CheckSupport),
                Rule("PII002", 1, Phone, "the response of the 'MapPost' handler", "check consent for 'marketing' first"),
                Rule("PII002", 2, Email, "the response of the 'MapGet' handler", CheckSupport),
                Rule("PII002", 3, Email, "'Results.Ok'", CheckSupport));
        }

        [Fact]
        public async Task MapGetOfAnotherType_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                static class Menu
                {
                    public static void MapGet(this List<Visitor> menu, string path, Func<string> handler) { }

                    public static void Build(List<Visitor> visitors)
                    {
                        visitors.MapGet("/first", () => visitors[0].Email);
                    }
                }

                """));
        }

        [Fact]
        public async Task MethodGroupHandlerThatChecksConsent_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                static class Endpoints
                {
                    public static void Map(IEndpointRouteBuilder app)
                    {
                        app.MapGet("/first", FirstEmail);
                        app.MapGet("/id", FirstId);
                    }

                    private static readonly Visitor First = new Visitor();
                    private static readonly Consent Consents = new Consent();

                    static string FirstEmail() => Consents.CanSupport(First) ? First.Email : "";

                    static int FirstId() => First.Id;
                }

                """));
        }

        [Fact]
        public async Task RazorPageJsonResult_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                public class ProfileModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
                {
                    public Visitor Visitor { get; } = new Visitor();

                    public IActionResult OnGetEmail() => {|#0:new JsonResult(Visitor.Email)|};

                    public IActionResult OnGetId() => new JsonResult(Visitor.Id);

                    public string OnGetText() => Visitor.Email;
                }

                """),
                Rule("PII002", 0, Email, "'JsonResult'", CheckSupport));
        }
    }
}
