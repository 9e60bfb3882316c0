using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Sinks
{
    /// <summary>E-mail, SignalR and message brokers are transfers (PII005), matched by full name without their packages.</summary>
    public class TransferSinkTests
    {
        private const string CheckSupport = "check consent for 'support' first";

        /// <summary>The libraries' types as their packages declare them, reduced to what the tests call.</summary>
        private const string Stubs = /* lang=c#-test */ """

            namespace MimeKit
            {
                public class MimeMessage
                {
                    public string Subject { get; set; } = "";
                }
            }

            namespace MailKit.Net.Smtp
            {
                using System.Threading;
                using System.Threading.Tasks;

                public class SmtpClient
                {
                    public void Connect(string host, int port) { }
                    public void Authenticate(string userName, string password) { }
                    public string Send(MimeKit.MimeMessage message, CancellationToken cancellationToken = default) => "";
                    public Task<string> SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken = default) => Task.FromResult("");
                }
            }

            namespace Microsoft.AspNetCore.SignalR
            {
                using System.Threading;
                using System.Threading.Tasks;

                public interface IClientProxy
                {
                    Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default);
                }

                public static class ClientProxyExtensions
                {
                    public static Task SendAsync(this IClientProxy clientProxy, string method, object? arg1, CancellationToken cancellationToken = default) => Task.CompletedTask;
                }

                public interface IHubClients<T>
                {
                    T All { get; }
                    T Group(string groupName);
                }

                public interface IHubCallerClients<T> : IHubClients<T>
                {
                    T Caller { get; }
                }

                public abstract class Hub<T> where T : class
                {
                    public IHubCallerClients<T> Clients { get; set; } = null!;
                }
            }

            namespace Microsoft.AspNetCore.SignalR.Client
            {
                using System.Threading;
                using System.Threading.Tasks;

                public class HubConnection
                {
                    public Task SendCoreAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) => Task.CompletedTask;
                }

                public static class HubConnectionExtensions
                {
                    public static Task SendAsync(this HubConnection hubConnection, string methodName, object? arg1, CancellationToken cancellationToken = default) => Task.CompletedTask;
                    public static Task<TResult> InvokeAsync<TResult>(this HubConnection hubConnection, string methodName, object? arg1, CancellationToken cancellationToken = default) => Task.FromResult(default(TResult)!);
                }
            }

            namespace Azure.Messaging.ServiceBus
            {
                using System.Threading;
                using System.Threading.Tasks;

                public class ServiceBusMessage
                {
                    public ServiceBusMessage(string body) { }
                    public string Subject { get; set; } = "";
                }

                public class ServiceBusSender
                {
                    public Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
                    public Task CloseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
                }
            }

            namespace RabbitMQ.Client
            {
                using System;

                public interface IBasicProperties { }

                public interface IModel
                {
                    void BasicPublish(string exchange, string routingKey, bool mandatory, IBasicProperties basicProperties, ReadOnlyMemory<byte> body);
                    void QueueDeclare(string queue);
                }

                public static class IModelExensions
                {
                    public static void BasicPublish(this IModel model, string exchange, string routingKey, IBasicProperties basicProperties, ReadOnlyMemory<byte> body) { }
                }
            }

            namespace Confluent.Kafka
            {
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                public class Message<TKey, TValue>
                {
                    public TKey Key { get; set; } = default!;
                    public TValue Value { get; set; } = default!;
                }

                public class DeliveryResult<TKey, TValue> { }

                public interface IProducer<TKey, TValue>
                {
                    void Produce(string topic, Message<TKey, TValue> message, Action<DeliveryResult<TKey, TValue>>? deliveryHandler = null);
                    Task<DeliveryResult<TKey, TValue>> ProduceAsync(string topic, Message<TKey, TValue> message, CancellationToken cancellationToken = default);
                    void Flush(TimeSpan timeout);
                }
            }

            namespace MassTransit
            {
                using System.Threading;
                using System.Threading.Tasks;

                public interface IPublishEndpoint
                {
                    Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class;
                }

                public interface ISendEndpoint
                {
                    Task Send<T>(T message, CancellationToken cancellationToken = default) where T : class;
                }

                public interface IBus : IPublishEndpoint { }
            }

            namespace Contoso
            {
                using System.Threading.Tasks;

                public class SmtpClient
                {
                    public void Send(System.Net.Mail.MailMessage message) { }
                }

                public class Bus
                {
                    public Task Publish<T>(T message) => Task.CompletedTask;
                    public void Produce(string topic, object message) { }
                }

                public record SignedUp(string Email);
            }

            """;

        private static string Source(string body) => Code(body) + Stubs;

        [Fact]
        public async Task SystemNetMail_MessageAndAddresses_Trigger_UserTokenAndOtherTypesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                    async Task M(System.Net.Mail.SmtpClient smtp, Contoso.SmtpClient own, Visitor v)
                    {
                        var message = new System.Net.Mail.MailMessage("support@example.com", v.Email);
                        {|#0:smtp.Send(message)|};
                        await {|#1:smtp.SendMailAsync("support@example.com", v.Email, "Ticket", "Hello")|};
                        var clean = new System.Net.Mail.MailMessage("support@example.com", "team@example.com");
                        smtp.SendAsync(clean, v.Email);
                        own.Send(message);
                    }
                """),
                Rule("PII005", 0, Email, "'Send'", CheckSupport),
                Rule("PII005", 1, Email, "'SendMailAsync'", CheckSupport));
        }

        [Fact]
        public async Task MailKit_SendWithMimeMessage_Triggers_AuthenticateDoesNot()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                    async Task M(MailKit.Net.Smtp.SmtpClient smtp, Visitor v)
                    {
                        smtp.Connect("smtp.example.com", 587);
                        smtp.Authenticate(v.Email, "secret");
                        var message = new MimeKit.MimeMessage { Subject = "Ticket for " + v.Email };
                        {|#0:smtp.Send(message)|};
                        await {|#1:smtp.SendAsync(message)|};
                        await smtp.SendAsync(new MimeKit.MimeMessage { Subject = "Newsletter" });
                    }
                """),
                Rule("PII005", 0, Email, "'Send'", CheckSupport),
                Rule("PII005", 1, Email, "'SendAsync'", CheckSupport));
        }

        [Fact]
        public async Task SignalR_ProxiesAndHubConnection_Trigger_MethodNamesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                    public interface IChatClient { Task ReceiveMessage(string text); }

                    class ChatHub : Microsoft.AspNetCore.SignalR.Hub<IChatClient>
                    {
                        public async Task Send(Visitor v)
                        {
                            await {|#0:Clients.All.ReceiveMessage(v.Email)|};
                            await {|#1:Clients.Group("agents").ReceiveMessage("From " + v.Email)|};
                            await Clients.Caller.ReceiveMessage("Welcome");
                        }
                    }

                    async Task M(Microsoft.AspNetCore.SignalR.IClientProxy proxy, Microsoft.AspNetCore.SignalR.Client.HubConnection connection, IChatClient direct, Visitor v)
                    {
                        await {|#2:Microsoft.AspNetCore.SignalR.ClientProxyExtensions.SendAsync(proxy, "receive", v.Email)|};
                        await Microsoft.AspNetCore.SignalR.ClientProxyExtensions.SendAsync(proxy, v.Email, v.Id);
                        await {|#3:Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.SendAsync(connection, "Send", v.Email)|};
                        await {|#4:Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<int>(connection, "Send", v.Email)|};
                        await direct.ReceiveMessage(v.Email);
                    }
                """),
                Rule("PII005", 0, Email, "'ReceiveMessage'", CheckSupport),
                Rule("PII005", 1, Email, "'ReceiveMessage'", CheckSupport),
                Rule("PII005", 2, Email, "'SendAsync'", CheckSupport),
                Rule("PII005", 3, Email, "'SendAsync'", CheckSupport),
                Rule("PII005", 4, Email, "'InvokeAsync'", CheckSupport));
        }

        [Fact]
        public async Task MessageBrokers_Trigger_TopicsQueuesAndOtherTypesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                    async Task M(Azure.Messaging.ServiceBus.ServiceBusSender sender, RabbitMQ.Client.IModel channel,
                        Confluent.Kafka.IProducer<string, string> producer, MassTransit.IBus bus, MassTransit.ISendEndpoint endpoint,
                        Contoso.Bus own, Visitor v)
                    {
                        await {|#0:sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage(v.Email))|};
                        await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("ping"));
                        var body = System.Text.Encoding.UTF8.GetBytes(v.Email);
                        {|#1:RabbitMQ.Client.IModelExensions.BasicPublish(channel, "", "signups", null!, body)|};
                        {|#2:channel.BasicPublish("", "signups", false, null!, body)|};
                        channel.QueueDeclare(v.Email);
                        {|#3:producer.Produce("signups", new Confluent.Kafka.Message<string, string> { Key = "k", Value = v.Email })|};
                        await {|#4:producer.ProduceAsync("signups", new Confluent.Kafka.Message<string, string> { Key = "k", Value = v.Email })|};
                        producer.Produce(v.Email, new Confluent.Kafka.Message<string, string> { Key = "k", Value = "v" });
                        await {|#5:bus.Publish(new Contoso.SignedUp(v.Email))|};
                        await {|#6:endpoint.Send(new Contoso.SignedUp(v.Email))|};
                        await own.Publish(new Contoso.SignedUp(v.Email));
                        own.Produce("signups", v.Email);
                    }
                """),
                Rule("PII005", 0, Email, "'SendMessageAsync'", CheckSupport),
                Rule("PII005", 1, Email, "'BasicPublish'", CheckSupport),
                Rule("PII005", 2, Email, "'BasicPublish'", CheckSupport),
                Rule("PII005", 3, Email, "'Produce'", CheckSupport),
                Rule("PII005", 4, Email, "'ProduceAsync'", CheckSupport),
                Rule("PII005", 5, Email, "'Publish'", CheckSupport),
                Rule("PII005", 6, Email, "'Send'", CheckSupport));
        }

        [Fact]
        public async Task TransferWithConsent_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Source(/* lang=c#-test */ """

                    async Task M(MassTransit.IBus bus, System.Net.Mail.SmtpClient smtp, Visitor v)
                    {
                        if (_consent.HasConsent(v, "support"))
                        {
                            await bus.Publish(new Contoso.SignedUp(v.Email));
                            await smtp.SendMailAsync("support@example.com", v.Email, "Ticket", "Hello");
                        }
                    }
                """));
        }
    }
}
