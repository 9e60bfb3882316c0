using System.Collections.Generic;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// The web layer of the web corpus (<see cref="CorpusKind.Web"/>): per module an MVC controller and minimal API
    /// endpoints over the module's services; marked, also one <c>IdentityUser</c> subclass with its account service and
    /// reads of the signed-in user's name and the client's address. Unmarked, the web layer names no framework source and
    /// no marker: only the ASP.NET Core shared framework is referenced (with Identity's <c>[PersonalData]</c> in it).
    /// </summary>
    internal static class WebSources
    {
        public const string IdentityUser = @"using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PiiAttributes;

namespace Market.Identity
{
    public sealed class MarketUser : IdentityUser
    {
        [PiiAttributes.PersonalData(Purpose = ""support"", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]
        public string DisplayName { get; set; } = string.Empty;

        public int Level { get; set; }
    }

    public sealed class AccountService
    {
        private readonly UserManager<MarketUser> _users;
        private readonly ILogger<AccountService> _logger;

        public AccountService(UserManager<MarketUser> users, ILogger<AccountService> logger)
        {
            _users = users;
            _logger = logger;
        }

        public async Task<bool> RenameAsync(string id, string name)
        {
            var user = await _users.FindByIdAsync(id);
            if (user is null)
            {
                _logger.LogWarning(""No user {Id}"", id);
                return false;
            }

            user.DisplayName = name;
            await _users.UpdateAsync(user);
            _logger.LogInformation(""Renamed {User}"", user.Email);
            return true;
        }
    }
}
";

        public static IEnumerable<(string Name, string Text)> Module(int k, bool pii)
        {
            var requestedBy = pii ? "_logger.LogInformation(\"Chat requested by {User}\", User.Identity?.Name);\n            " : string.Empty;
            yield return ("ChatController", $@"using System;
using System.Threading;
using System.Threading.Tasks;
using Market.M{k}.Catalog;
using Market.M{k}.Chat;
using Market.M{k}.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Market.M{k}.Web
{{
    public sealed record StartChat{k}(string Email, string Name, string Topic, string Question);

    [ApiController]
    [Route(""api/m{k}/chat"")]
    public sealed class ChatController{k} : ControllerBase
    {{
        private readonly ChatService{k} _chat;
        private readonly Pricing{k} _pricing;
        private readonly ILogger<ChatController{k}> _logger;

        public ChatController{k}(ChatService{k} chat, Pricing{k} pricing, ILogger<ChatController{k}> logger)
        {{
            _chat = chat;
            _pricing = pricing;
            _logger = logger;
        }}

        [HttpPost]
        public async Task<IActionResult> Start([FromBody] StartChat{k} request, CancellationToken cancellationToken)
        {{
            {requestedBy}var customer = new Customer{k} {{ Email = request.Email, Name = request.Name }};
            var conversation = await _chat.StartAsync(customer, request.Topic, request.Question, cancellationToken);
            return conversation is null ? BadRequest() : Ok(new {{ conversation.Id, conversation.Topic }});
        }}

        [HttpGet(""{{id:guid}}/transcript"")]
        public IActionResult Transcript(Guid id)
        {{
            var conversation = new Conversation{k} {{ Id = id }};
            return Ok(_chat.Transcript(conversation));
        }}

        [HttpGet(""price"")]
        public ActionResult<decimal> Price([FromQuery] string title, [FromQuery] decimal price, [FromQuery] int quantity)
        {{
            if (quantity <= 0)
            {{
                return BadRequest(""quantity"");
            }}

            return _pricing.PriceOf(new Listing{k}(Guid.NewGuid(), title, price, 10), quantity);
        }}
    }}
}}
");

            var seen = pii
                ? $@"
            group.MapGet(""/seen"", (HttpContext context, ILogger<Pricing{k}> logger) =>
            {{
                logger.LogInformation(""Seen from {{Address}}"", context.Connection.RemoteIpAddress);
                return Results.Ok();
            }});
"
                : string.Empty;
            yield return ("ListingEndpoints", $@"using System;
using Market.M{k}.Catalog;
using Market.M{k}.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Market.M{k}.Web
{{
    public static class ListingEndpoints{k}
    {{
        public static IEndpointRouteBuilder MapListings{k}(this IEndpointRouteBuilder app)
        {{
            var group = app.MapGroup(""/m{k}/listings"");
            group.MapGet(""/{{id:guid}}"", (Guid id, Pricing{k} pricing) => Results.Ok(pricing.Band(Math.Abs(id.GetHashCode() % 100))));
            group.MapPost(""/quote"", (Listing{k} listing, int quantity, Pricing{k} pricing) =>
                quantity > 0 ? Results.Ok(pricing.PriceOf(listing, quantity)) : Results.BadRequest());
            group.MapPost(""/contact"", (Customer{k} customer, ILogger<Pricing{k}> logger) =>
            {{
                logger.LogInformation(""Contact from {{Email}}"", customer.Email);
                return Results.Accepted();
            }});
{seen}            return app;
        }}
    }}
}}
");
        }
    }
}
