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
            EntityEntry = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry");
            DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            NotMapped = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
            MelLogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
            LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            Console = compilation.GetTypeByMetadataName("System.Console");
            TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
            Exception = compilation.GetTypeByMetadataName("System.Exception");
            FormatProvider = compilation.GetTypeByMetadataName("System.IFormatProvider");
            Type = compilation.GetTypeByMetadataName("System.Type");
            DbParameter = compilation.GetTypeByMetadataName("System.Data.Common.DbParameter");
            DataParameter = compilation.GetTypeByMetadataName("System.Data.IDataParameter");
            HubClients = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.IHubClients`1");
            HubCallerClients = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.IHubCallerClients`1");

            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            ApiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            ActionResultInterface = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.IActionResult");
            ConvertToActionResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Infrastructure.IConvertToActionResult");
            ResultInterface = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResult");
            JsonResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.JsonResult");
            ObjectResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ObjectResult");
            RouteBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            JsonIgnore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
            MvcResponseIgnore = compilation.GetTypeByMetadataName(Sinks.SinkTables.MvcResponseIgnore(compilation.GetTypeByMetadataName));
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
