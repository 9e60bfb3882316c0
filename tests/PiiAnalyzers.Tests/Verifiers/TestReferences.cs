using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PiiAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// References for test compilations, taken from what the test project restored: .NET 8 reference assemblies
    /// plus the third-party libraries test code calls. Nothing is downloaded at test time.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>A framework moniker with no package behind it: the references come from <see cref="All"/>.</summary>
        public static readonly ReferenceAssemblies Net80 = new ReferenceAssemblies("net8.0");

        public static readonly ImmutableArray<MetadataReference> Libraries = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(PiiAttributes.PersonalDataAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Serilog.Log).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(NLog.Logger).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(log4net.ILog).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.EntityFrameworkCore.Infrastructure.IResettableService).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Dapper.SqlMapper).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Caching.Distributed.IDistributedCache).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(StackExchange.Redis.IDatabase).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(MongoDB.Driver.IMongoCollection<>).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(MongoDB.Bson.BsonDocument).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly.Location));

        public static readonly ImmutableArray<MetadataReference> Framework =
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

        /// <summary>The framework and the libraries.</summary>
        public static readonly ImmutableArray<MetadataReference> All = Framework.AddRange(Libraries);

        /// <summary>The framework alone: a project that references no attributes and no logging library.</summary>
        public static readonly ImmutableArray<MetadataReference> FrameworkOnly = Framework;
    }
}
