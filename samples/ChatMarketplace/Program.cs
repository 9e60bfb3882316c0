using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using ChatMarketplace.Chat;
using ChatMarketplace.Crm;
using ChatMarketplace.Insights;
using ChatMarketplace.Marketing;
using ChatMarketplace.Model;
using ChatMarketplace.Privacy;
using ChatMarketplace.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

// A scripted afternoon on the chat marketplace: one visitor asks about an order, opts in to offers, corrects their
// address, pays for a priority chat, gets the transcript by mail, rates the chat and receives the newsletter. Everything runs in memory; the CRM is a stub handler.
using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Debug));

var dbOptions = new DbContextOptionsBuilder<ChatDbContext>()
    .UseInMemoryDatabase("chat-marketplace")
    .Options;
using var db = new ChatDbContext(dbOptions);
var store = new TranscriptStore(db);

var consent = new ConsentService();
var crmHandler = new OfflineCrmHandler();
using var crmHttp = new HttpClient(crmHandler) { BaseAddress = new Uri("https://crm.example.com/api/") };
var crm = new CrmSync(crmHttp, consent, loggerFactory.CreateLogger<CrmSync>());
var newsletter = new Newsletter(consent);
var surveys = new SurveyArchive(consent, Path.GetTempPath());

var roster = new AgentRoster(new[]
{
    new Agent { Id = 1, DisplayName = "Ana", WorkEmail = "ana@support.example.com", MobilePhone = "+34 600 000 001", Languages = new[] { "es", "en" }, Online = true },
    new Agent { Id = 2, DisplayName = "Jonas", WorkEmail = "jonas@support.example.com", MobilePhone = "+49 151 0000002", Languages = new[] { "de", "en" }, Online = true },
});

var chat = new ChatService(
    loggerFactory.CreateLogger<ChatService>(),
    consent,
    roster,
    store,
    crm,
    blockedAddresses: new[] { "198.51.100.66" });

var visitor = new Visitor
{
    Email = "jane.doe@example.com",
    Name = "Jane Doe",
    IpAddress = "203.0.113.42",
    City = "Lyon",
    Locale = "en",
};
var survey = new PreChatSurvey
{
    VisitorId = visitor.Id,
    Topic = "order",
    Question = "My order 10-4471 has not arrived yet.",
    OrderNumber = "10-4471",
    MarketingOptIn = true,
    FoundUsThrough = "A friend recommended the seller.",
};
consent.Grant(visitor, "support"); // "keep a copy of this chat and mail it to me"
if (survey.MarketingOptIn)
{
    consent.Grant(visitor, "marketing");
}

var cancellationToken = CancellationToken.None;
if (!chat.ValidateContact(visitor))
{
    return 1;
}

var transcript = await chat.StartChatAsync(visitor, survey, cancellationToken);
if (transcript is null)
{
    surveys.RecordAbandoned(visitor, survey);
    return 1;
}

surveys.Record(visitor, survey);

chat.PostMessage(transcript, "agent", "Sorry about that! It left the warehouse yesterday; tracking says Thursday.");
chat.PostMessage(transcript, "visitor", "Great, thanks.");
visitor.Email = "jane@doe.example";
await crm.UpdateEmailAsync(visitor, cancellationToken);
await chat.IssueReceiptAsync(visitor, "billing@doe.example", "4242", 2.50m, cancellationToken);
var attachment = await chat.CloseChatAsync(visitor, transcript, cancellationToken);
await chat.RateChatAsync(transcript, 5, "Quick and friendly.", cancellationToken);
var download = await TranscriptExporter.DownloadAsync(store, transcript.Id, cancellationToken);
newsletter.SendMonthlyIssue(new[] { visitor }, "Spring offers from your sellers");
newsletter.SendChatFollowUp(visitor);

var purged = await store.PurgeExpiredAsync(DateTimeOffset.UtcNow, cancellationToken);
Console.WriteLine($"Transcript attachment: {attachment.Length} characters; download: {download?.Length ?? 0} characters; CRM requests: {crmHandler.Requests}; newsletters sent: {newsletter.Sent}; transcripts purged: {purged}.");
return 0;
