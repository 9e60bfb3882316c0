using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// Responses ASP.NET Core serializes without a serializer call in the code: what a controller action or a minimal-API
    /// route handler returns, and the value of a <c>JsonResult</c> or <c>ObjectResult</c> created with <c>new</c>
    /// (serialization, PII002). Matched by full name, resolved once per compilation on first use.
    /// <list type="bullet">
    /// <item><description>A controller action (<see cref="OfAction"/>): a public, non-static, non-generic ordinary method
    /// of a public, non-abstract class that derives from <c>ControllerBase</c> or carries <c>[Controller]</c> or
    /// <c>[ApiController]</c> (on itself or a base class), unless the method or the class is marked
    /// <c>[NonAction]</c>/<c>[NonController]</c>.</description></item>
    /// <item><description>A route handler (<see cref="OfRouteHandler"/>): a lambda or method passed as the handler of
    /// <c>MapGet</c>, <c>MapPost</c>, <c>MapPut</c>, <c>MapDelete</c>, <c>MapPatch</c> or <c>MapMethods</c> of
    /// <c>EndpointRouteBuilderExtensions</c>.</description></item>
    /// </list>
    /// A returned value whose type is itself a result (<c>IActionResult</c>, <c>IResult</c>, <c>ActionResult&lt;T&gt;</c>
    /// made from a result) is not reported where it is returned: <c>return Ok(v)</c> is reported at <c>Ok</c>, once.
    /// </summary>
    internal sealed class ResponseSinks
    {
        private static readonly string[] MapMethods = { "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods" };

        private readonly Lazy<KnownTypes> _known;
        private readonly ConcurrentDictionary<IMethodSymbol, SinkCall?> _actions = new ConcurrentDictionary<IMethodSymbol, SinkCall?>(SymbolEqualityComparer.Default);

        /// <param name="known">The compilation's well-known types, resolved on first use.</param>
        public ResponseSinks(Lazy<KnownTypes> known)
        {
            _known = known;
        }

        private KnownTypes Known => _known.Value;

        /// <summary>
        /// The response <paramref name="method"/>'s return value is written to when it is a controller action; null when it
        /// is not one. The sink has no arguments: the walker reports each returned value against it.
        /// </summary>
        public SinkCall? OfAction(IMethodSymbol? method)
        {
            if (method is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsGenericMethod: false, ReturnsVoid: false })
            {
                return null; // most bodies: decided without resolving a type
            }

            if (!Known.HasControllers)
            {
                return null; // no MVC referenced: nothing cached per method
            }

            method = method.OriginalDefinition;
            return _actions.TryGetValue(method, out var known) ? known : _actions.GetOrAdd(method, ComputeAction(method));
        }

        private SinkCall? ComputeAction(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is not { TypeKind: TypeKind.Class, IsAbstract: false, IsGenericType: false, DeclaredAccessibility: Accessibility.Public }
                || method.IsAbstract || !IsController(type) || IsNonAction(method))
            {
                return null;
            }

            return Response(SinkName.ActionResponse(type.Name, method.Name), Known.MvcResponseIgnore);
        }

        /// <summary>
        /// The response a lambda's or method's return value is written to when it is passed as a route handler
        /// (<paramref name="handler"/> is the delegate's target, a lambda or a method reference); null otherwise.
        /// </summary>
        public SinkCall? OfRouteHandler(IOperation handler)
        {
            var argument = handler.Parent;
            while (argument is IDelegateCreationOperation or IConversionOperation)
            {
                argument = argument.Parent;
            }

            return argument is IArgumentOperation { Parent: IInvocationOperation invocation } && IsRouteMap(invocation)
                ? Response(SinkName.HandlerResponse(invocation.TargetMethod.Name), Known.JsonIgnore)
                : null;
        }

        /// <summary><c>new JsonResult(v)</c>, <c>new ObjectResult(v)</c>, <c>new OkObjectResult(v)</c>...: the value is serialized.</summary>
        public SinkCall? Match(IObjectCreationOperation creation)
        {
            if (creation.Type is not INamedTypeSymbol { Name: var name } type || !name.EndsWith("Result", StringComparison.Ordinal)
                || creation.Arguments.IsEmpty
                || !(TypeShapes.DerivesFrom(type, Known.JsonResult) || TypeShapes.DerivesFrom(type, Known.ObjectResult)))
            {
                return null;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { Name: "value" })
                {
                    return new SinkCall(SinkKind.Serialization, SinkName.Call(null, type.Name), ImmutableArray.Create(new SinkArgument(argument.Value, membersVisible: true)), Known.MvcResponseIgnore);
                }
            }

            return null;
        }

        /// <summary>
        /// True when a value of <paramref name="type"/>, returned from an action or handler, is a result object rather than
        /// data: what it serializes is reported where it was made (<c>Ok(v)</c>, <c>new JsonResult(v)</c>).
        /// </summary>
        public bool IsResult(ITypeSymbol? type)
            => type is not null
                && (TypeShapes.Implements(type, Known.ActionResultInterface) || TypeShapes.Implements(type, Known.ResultInterface) || TypeShapes.Implements(type, Known.ConvertToActionResult));

        /// <summary>True when <paramref name="invocation"/> maps a route to a handler (a lambda or method).</summary>
        public bool IsRouteMap(IInvocationOperation invocation)
            => Array.IndexOf(MapMethods, invocation.TargetMethod.Name) >= 0 && Known.RouteBuilderExtensions is { } extensions
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, extensions);

        private static SinkCall Response(SinkName display, INamedTypeSymbol? ignore)
            => new SinkCall(SinkKind.Serialization, display, ImmutableArray<SinkArgument>.Empty, ignore);

        private bool IsController(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (HasAttribute(current, Known.NonControllerAttribute))
                {
                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(current, Known.ControllerBase)
                    || HasAttribute(current, Known.ControllerAttribute) || HasAttribute(current, Known.ApiControllerAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>[NonAction]</c> on the method or one it overrides; an override of a method of <c>object</c> or of the
        /// framework's base classes (<c>ToString</c>), and <c>Dispose</c>, which MVC does not route to either.
        /// </summary>
        private bool IsNonAction(IMethodSymbol method)
        {
            var root = method;
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (HasAttribute(current, Known.NonActionAttribute))
                {
                    return true;
                }

                root = current;
            }

            return (method.Name == "Dispose" && method.Parameters.IsEmpty)
                || (!SymbolEqualityComparer.Default.Equals(root, method) && TypeShapes.IsFrameworkType(root.ContainingType));
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

            foreach (var data in symbol.GetAttributes())
            {
                if (TypeShapes.DerivesFrom(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
