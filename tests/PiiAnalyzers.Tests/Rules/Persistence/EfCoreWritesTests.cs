using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Persistence
{
    /// <summary>What an EF Core write stores: the entity's own columns and owned types, not the rows its navigations point at.</summary>
    public class EfCoreWritesTests
    {
        private const string UserEmail = "'User.Email' (personal data, purpose 'account', basis consent)";
        private const string UserEmailNoBasis = "'User.Email' (personal data, purpose 'account')";
        private const string CheckAccount = "check consent for 'account' first";

        private const string Db = /* lang=c#-test */ """

            namespace Shop
            {
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations.Schema;
                using Microsoft.EntityFrameworkCore;
                using PiiAttributes;

                public class User
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "account")]
                    public string Email { get; set; } = "";
                    public List<Vote> Votes { get; set; } = new();
                }

                [RetentionPolicy(Days = 30)]
                public class Vote
                {
                    public int Id { get; set; }
                    public int UserId { get; set; }
                    public User User { get; set; } = null!;
                    public int Score { get; set; }
                }

                public class Address
                {
                    [PersonalData(Purpose = "account")]
                    public string Street { get; set; } = "";
                }

                [RetentionPolicy(Days = 30)]
                public class Site
                {
                    public int SiteId { get; set; }
                    [NotMapped]
                    public User? Owner { get; set; }
                    public Address Address { get; set; } = new();
                }

                public class Tag
                {
                    public int Id { get; set; }
                    public string Label { get; set; } = "";
                    public List<ArticleTag> ArticleTags { get; set; } = new();
                }

                public class ArticleTag
                {
                    public int Id { get; set; }
                    public Tag Tag { get; set; } = null!;
                    public Article Article { get; set; } = null!;
                }

                public class Article
                {
                    public int Id { get; set; }
                    public User Author { get; set; } = null!;
                    public List<ArticleTag> ArticleTags { get; set; } = new();
                }

                [RetentionPolicy(Days = 30)]
                public class Basket
                {
                    public int Id { get; set; }
                    public User Owner { get; set; } = null!;
                    public List<BasketLine> Lines { get; set; } = new();
                }

                [RetentionPolicy(Days = 30)]
                public class BasketLine
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "account")]
                    public string GiftMessage { get; set; } = "";
                }

                public class ShopDb : DbContext
                {
                    public DbSet<User> Users => Set<User>();
                    public DbSet<Vote> Votes => Set<Vote>();
                    public DbSet<Site> Sites => Set<Site>();
                }

                public class Consents
                {
                    [ConsentCheck(Purpose = "account")]
                    public bool Allows(User user) => true;
                }
            }
            """;

        private static string Source(string body) => "using Shop;\nusing Microsoft.EntityFrameworkCore;" + Code(body) + Db + Relational;

        /// <summary>EF Core's relational ExecuteUpdate and SetPropertyCalls, under their own names (the tests reference only the core package).</summary>
        private const string Relational = /* lang=c#-test */ """

            namespace Microsoft.EntityFrameworkCore.Query
            {
                using System;

                public sealed class SetPropertyCalls<TSource>
                {
                    public SetPropertyCalls<TSource> SetProperty<TProperty>(Func<TSource, TProperty> propertyExpression, TProperty valueExpression) => this;
                }
            }

            namespace Microsoft.EntityFrameworkCore
            {
                using System;
                using System.Linq;
                using System.Linq.Expressions;
                using System.Threading.Tasks;
                using Microsoft.EntityFrameworkCore.Query;

                public static class RelationalStandIn
                {
                    public static Task<int> ExecuteUpdateAsync<T>(this IQueryable<T> source, Expression<Func<SetPropertyCalls<T>, SetPropertyCalls<T>>> setters) => Task.FromResult(0);
                }
            }
            """;

        [Fact]
        public async Task NavigationToAnotherEntity_IsAReference_NotStored()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    async Task M(ShopDb db, User user)
                    {
                        var vote = new Vote { User = user, Score = 5 };
                        db.Votes.Add(vote);
                        db.Update(vote);
                        await db.Votes.AddRangeAsync(new[] { vote });
                        await db.SaveChangesAsync();
                    }
                """));
        }

        [Fact]
        public async Task EntityOwnColumns_AreStored()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, User user)
                    {
                        {|#0:db.Users.Add(user)|};
                    }
                """),
                Rule("PII003", 0, UserEmail, "'Add'", CheckAccount),
                Rule("PII004", 0, UserEmailNoBasis, "'Add'", "'User'"));
        }

        [Fact]
        public async Task OwnedTypeIsStored_NotMappedNavigationIsNot()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, Site site)
                    {
                        {|#0:db.Sites.Add(site)|};
                    }
                """),
                Rule("PII003", 0, "'Address.Street' (personal data, purpose 'account', basis consent)", "'Add'", CheckAccount));
        }

        [Fact]
        public async Task MembersAndTypesIgnoredInTheModel_AreNotStored()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(Shop.Ignored.ProfileDb db, Shop.Ignored.Profile profile, Shop.Ignored.Keeper keeper)
                    {
                        db.Add(profile);
                        {|#0:db.Add(keeper)|};
                    }
                """) + """

                namespace Shop.Ignored
                {
                    using Microsoft.EntityFrameworkCore;
                    using PiiAttributes;

                    public class Draft
                    {
                        [PersonalData(Purpose = "account")]
                        public string Text { get; set; } = "";
                    }

                    [RetentionPolicy(Days = 30)]
                    public class Profile
                    {
                        public int Id { get; set; }
                        public Address Home { get; set; } = new();
                        public Address Work { get; set; } = new();
                        public Draft Notes { get; set; } = new();
                    }

                    [RetentionPolicy(Days = 30)]
                    public class Keeper
                    {
                        public int Id { get; set; }
                        public Address Home { get; set; } = new();
                    }

                    public class ProfileDb : DbContext
                    {
                        protected override void OnModelCreating(ModelBuilder modelBuilder)
                        {
                            modelBuilder.Ignore<Draft>();
                            modelBuilder.Entity<Profile>().Ignore(p => p.Home);
                            modelBuilder.Entity<Profile>().Ignore(nameof(Profile.Work));
                        }
                    }
                }
                """,
                Rule("PII003", 0, "'Address.Street' (personal data, purpose 'account', basis consent)", "'Add'", CheckAccount));
        }

        [Fact]
        public async Task EntryStateAddedOrModified_AndAttach_Persist()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, User user, Consents consents)
                    {
                        if (!consents.Allows(user)) return;
                        {|#0:db.Entry(user).State = EntityState.Modified|};
                        {|#1:db.Attach(user)|};
                        db.Entry(user).State = EntityState.Unchanged;
                        db.Entry(user).State = EntityState.Deleted;
                    }
                    void N(ShopDb db, User user) => {|#2:db.Entry(user).State = EntityState.Added|};
                """),
                Rule("PII004", 0, UserEmailNoBasis, "'Entry.State'", "'User'"),
                Rule("PII004", 1, UserEmailNoBasis, "'Attach'", "'User'"),
                Rule("PII003", 2, UserEmail, "'Entry.State'", CheckAccount),
                Rule("PII004", 2, UserEmailNoBasis, "'Entry.State'", "'User'"));
        }

        [Fact]
        public async Task ExecuteUpdateSettingPersonalData_Persists()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    async Task M(ShopDb db, User user, Visitor v)
                    {
                        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => {|#0:s.SetProperty(u => u.Email, v.Email)|});
                        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "redacted"));
                    }
                """),
                Rule("PII003", 0, Email, "'SetProperty'", "check consent for 'support' first"));
        }

        [Fact]
        public async Task RepositoryMethodThatIsASink_IsReportedAtItsCallsOnly()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    public sealed class UserRepository
                    {
                        private readonly ShopDb _db = new();
                        [PersonalDataSink(SinkKind.Persistence)]
                        public void Save(User user) => _db.Users.Add(user);
                    }
                    void M(UserRepository users, User user) => {|#0:users.Save(user)|};
                """),
                Rule("PII003", 0, UserEmail, "'Save'", CheckAccount),
                Rule("PII004", 0, UserEmailNoBasis, "'Save'", "'User'"));
        }

        [Fact]
        public async Task RepositoryMethodConfiguredAsASink_IsReportedAtItsCallsOnly()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(Repositories.UserRepository users, User user) => {|#0:users.Save(user)|};
                """) + """

                namespace Repositories
                {
                    using Shop;

                    public sealed class UserRepository
                    {
                        private readonly ShopDb _db = new();
                        public void Save(User user) => _db.Users.Add(user);
                    }
                }
                """,
                "root = true\n\n[*]\npii_analyzers.persistence_sinks = Repositories.UserRepository.Save\n",
                Rule("PII003", 0, UserEmail, "'Save'", CheckAccount),
                Rule("PII004", 0, UserEmailNoBasis, "'Save'", "'User'"));
        }

        [Fact]
        public async Task RowsReachedThroughAQuery_StoreNoneOfAnotherEntitysData()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, Article article)
                    {
                        var tags = article.ArticleTags.Select(x => x.Tag).ToList();
                        db.AttachRange(tags);
                    }
                """));
        }

        [Fact]
        public async Task DataCopiedIntoAnEntitysColumn_IsStored()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, User user)
                    {
                        var tag = new Tag { Label = user.Email };
                        {|#0:db.Add(tag)|};
                    }
                """),
                Rule("PII003", 0, UserEmail, "'Add'", CheckAccount),
                Rule("PII004", 0, UserEmailNoBasis, "'Add'", "'Tag'"));
        }

        [Fact]
        public async Task CollectionNavigation_HoldsChildrenStoredWithTheEntity()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, Basket basket) => {|#0:db.Add(basket)|};
                """),
                Rule("PII003", 0, "'BasketLine.GiftMessage' (personal data, purpose 'account', basis consent)", "'Add'", CheckAccount));
        }

        [Fact]
        public async Task NavigationSetToNullOnEveryPath_StoresNothingOfWhatItHeld()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, Basket basket, Basket other, Basket kept, Site site, bool drop)
                    {
                        basket.Lines = null!;
                        db.Add(basket);
                        if (drop) other.Lines = null!;
                        {|#0:db.Add(other)|};
                        kept.Lines = null!;
                        kept = other;
                        {|#1:db.Add(kept)|};
                        site.Address = null!;
                        db.Sites.Add(site);
                    }
                """),
                Rule("PII003", 0, "'BasketLine.GiftMessage' (personal data, purpose 'account', basis consent)", "'Add'", CheckAccount),
                Rule("PII003", 1, "'BasketLine.GiftMessage' (personal data, purpose 'account', basis consent)", "'Add'", CheckAccount));
        }

        [Fact]
        public async Task NavigationReplacedByANewObject_StoresOnlyWhatTheNewObjectHolds()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, Basket basket, Site site, Site copied, User user)
                    {
                        basket.Lines = new System.Collections.Generic.List<BasketLine>();
                        db.Add(basket);
                        site.Address = new Address();
                        db.Sites.Add(site);
                        copied.Address = new Address { Street = user.Email };
                        {|#0:db.Sites.Add(copied)|};
                    }
                """),
                Rule("PII003", 0, "'Address.Street' (personal data, purpose 'account', basis consent) and " + UserEmail, "'Add'", CheckAccount));
        }

        [Fact]
        public async Task TheSameEntityWrittenTwiceThroughOneContext_IsReportedOnce()
        {
            await Verify.VerifyAnalyzerAsync(Source("""

                    void M(ShopDb db, ShopDb archive, User user, User other)
                    {
                        {|#0:db.Users.Attach(user)|};
                        db.Users.Update(user);
                        db.Update(user);
                        {|#1:archive.Users.Add(user)|};
                        {|#2:db.Users.Update(other)|};
                    }
                """),
                Rule("PII003", 0, UserEmail, "'Attach'", CheckAccount),
                Rule("PII004", 0, UserEmailNoBasis, "'Attach'", "'User'"),
                Rule("PII003", 1, UserEmail, "'Add'", CheckAccount),
                Rule("PII004", 1, UserEmailNoBasis, "'Add'", "'User'"),
                Rule("PII003", 2, UserEmail, "'Update'", CheckAccount),
                Rule("PII004", 2, UserEmailNoBasis, "'Update'", "'User'"));
        }
    }
}
