using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The library types the engine recognizes by shape rather than through a table (<see cref="Sinks.SinkTables"/>,
    /// <see cref="LibraryModels"/>): loggers, writers, exceptions, ADO.NET parameters, EF Core entries, SignalR proxies and
    /// ASP.NET Core's controllers and results. Resolved by metadata name once per compilation, on first use
    /// (<see cref="FlowContext.Types"/>); a type the compilation does not reference is null.
    /// </summary>
    internal sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            EntityEntry = TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry");
            DbSet = TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
            NotMapped = TypeLookup.Find(compilation, "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
            MelLogger = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.ILogger");
            LoggerMessageAttribute = TypeLookup.Find(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
            Console = TypeLookup.Find(compilation, "System.Console");
            TextWriter = TypeLookup.Find(compilation, "System.IO.TextWriter");
            Exception = TypeLookup.Find(compilation, "System.Exception");
            FormatProvider = TypeLookup.Find(compilation, "System.IFormatProvider");
            Type = TypeLookup.Find(compilation, "System.Type");
            DbParameter = TypeLookup.Find(compilation, "System.Data.Common.DbParameter");
            DataParameter = TypeLookup.Find(compilation, "System.Data.IDataParameter");
            HubClients = TypeLookup.Find(compilation, "Microsoft.AspNetCore.SignalR.IHubClients`1");
            HubCallerClients = TypeLookup.Find(compilation, "Microsoft.AspNetCore.SignalR.IHubCallerClients`1");

            ControllerBase = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            ControllerAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
            ApiControllerAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            NonActionAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
            NonControllerAttribute = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            ActionResultInterface = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.IActionResult");
            ConvertToActionResult = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.Infrastructure.IConvertToActionResult");
            ResultInterface = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Http.IResult");
            JsonResult = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.JsonResult");
            ObjectResult = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Mvc.ObjectResult");
            RouteBuilderExtensions = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            JsonIgnore = TypeLookup.Find(compilation, "System.Text.Json.Serialization.JsonIgnoreAttribute");
            MvcResponseIgnore = TypeLookup.Find(compilation, Sinks.SinkTables.MvcResponseIgnore(name => TypeLookup.Find(compilation, name)));
        }

        // Sinks recognized by shape (SinkTables.Shapes) and values that are not data (loggers, format providers, types).
        public INamedTypeSymbol? DbParameter { get; }
        public INamedTypeSymbol? DataParameter { get; }
        public INamedTypeSymbol? MelLogger { get; }
        public INamedTypeSymbol? LoggerMessageAttribute { get; }
        public INamedTypeSymbol? Console { get; }
        public INamedTypeSymbol? TextWriter { get; }
        public INamedTypeSymbol? Exception { get; }
        public INamedTypeSymbol? FormatProvider { get; }
        public INamedTypeSymbol? Type { get; }
        public INamedTypeSymbol? EntityEntry { get; }
        public INamedTypeSymbol? NotMapped { get; }
        public INamedTypeSymbol? HubClients { get; }
        public INamedTypeSymbol? HubCallerClients { get; }

        // ASP.NET Core responses (ResponseSinks).
        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? ControllerAttribute { get; }
        public INamedTypeSymbol? ApiControllerAttribute { get; }
        public INamedTypeSymbol? NonActionAttribute { get; }
        public INamedTypeSymbol? NonControllerAttribute { get; }
        public INamedTypeSymbol? ActionResultInterface { get; }
        public INamedTypeSymbol? ConvertToActionResult { get; }
        public INamedTypeSymbol? ResultInterface { get; }
        public INamedTypeSymbol? JsonResult { get; }
        public INamedTypeSymbol? ObjectResult { get; }
        public INamedTypeSymbol? RouteBuilderExtensions { get; }
        /// <summary>EF Core's <c>DbSet&lt;T&gt;</c>: a write through <c>db.Orders</c> goes to the context <c>db</c>.</summary>
        public INamedTypeSymbol? DbSet { get; }

        public INamedTypeSymbol? JsonIgnore { get; }

        /// <summary>What leaves a member out of an MVC response: Newtonsoft.Json's <c>[JsonIgnore]</c> when the application uses its formatter.</summary>
        public INamedTypeSymbol? MvcResponseIgnore { get; }

        /// <summary>True when MVC is referenced: a controller can be recognized.</summary>
        public bool HasControllers => ControllerBase is not null || ControllerAttribute is not null || ApiControllerAttribute is not null;
    }
}
