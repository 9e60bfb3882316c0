using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>What a page did when Chromium opened it.</summary>
    internal sealed class PageVisit
    {
        /// <summary>Every URL the page requested, its own file included.</summary>
        public List<string> Requests { get; } = new List<string>();

        /// <summary>Uncaught exceptions, console errors and browser log errors.</summary>
        public List<string> Errors { get; } = new List<string>();

        /// <summary><c>document.body.innerText</c>: what a reader sees.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>The tag names of every element in the document, lower case.</summary>
        public List<string> Tags { get; } = new List<string>();
    }

    /// <summary>
    /// Debian's Chromium, headless, driven through the DevTools protocol on a WebSocket: opens a file, waits for its
    /// load event and reports its requests, errors, visible text and elements. One browser per instance, killed on dispose.
    /// </summary>
    internal sealed class HeadlessChromium : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        private readonly Process _process;
        private readonly string _profile;
        private readonly ClientWebSocket _socket = new ClientWebSocket();
        private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _pending = new Dictionary<int, TaskCompletionSource<JsonObject>>();
        private readonly List<JsonObject> _events = new List<JsonObject>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private Task? _receiver;
        private int _nextId;

        private HeadlessChromium(Process process, string profile)
        {
            _process = process;
            _profile = profile;
        }

        /// <summary>The browser's path, or null when it is not installed (<c>apt-get install chromium</c>; .ci/run does).</summary>
        public static string? Find()
            => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

        public static async Task<HeadlessChromium> StartAsync(string executable)
        {
            var profile = Path.Combine(Path.GetTempPath(), "pii-chromium-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(profile);
            var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-extensions", "--disable-sync", "--mute-audio",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            var browser = new HeadlessChromium(process, profile);
            try
            {
                _ = process.StandardOutput.ReadToEndAsync();
                var endpoint = await browser.ReadEndpointAsync().ConfigureAwait(false);
                await browser._socket.ConnectAsync(new Uri(endpoint), CancellationToken.None).ConfigureAwait(false);
                browser._receiver = Task.Run(browser.ReceiveAsync);
                return browser;
            }
            catch
            {
                browser.Dispose();
                throw;
            }
        }

        /// <summary>Opens <paramref name="path"/> in a new tab, waits for its load event, and reports what it did.</summary>
        public async Task<PageVisit> VisitAsync(string path)
        {
            var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }).ConfigureAwait(false);
            var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }).ConfigureAwait(false);
            var session = attached["sessionId"]!.GetValue<string>();
            foreach (var domain in new[] { "Page.enable", "Network.enable", "Runtime.enable", "Log.enable" })
            {
                await SendAsync(domain, new JsonObject(), session).ConfigureAwait(false);
            }

            var url = new Uri(path).AbsoluteUri;
            await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, session).ConfigureAwait(false);
            var deadline = DateTime.UtcNow + Timeout;
            var dialogs = 0;
            while (!Events(session).Any(e => e["method"]?.GetValue<string>() == "Page.loadEventFired"))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("no load event for " + url);
                }

                // A script that ran would block the page on an alert: dismiss it (the visit reports it as an error).
                if (Events(session).Count(e => e["method"]?.GetValue<string>() == "Page.javascriptDialogOpening") > dialogs)
                {
                    dialogs++;
                    await SendAsync("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = false }, session).ConfigureAwait(false);
                }

                await Task.Delay(50).ConfigureAwait(false);
            }

            // Everything the page does happens before or at its load event (it has no script); give late events a moment.
            await Task.Delay(500).ConfigureAwait(false);
            var visit = new PageVisit();
            visit.Text = (await EvaluateAsync("document.body.innerText", session).ConfigureAwait(false)).GetValue<string>();
            visit.Tags.AddRange(JsonNode.Parse((await EvaluateAsync("JSON.stringify(Array.from(document.querySelectorAll('*'), e => e.localName))", session).ConfigureAwait(false)).GetValue<string>())!
                .AsArray().Select(t => t!.GetValue<string>()));
            foreach (var e in Events(session))
            {
                var parameters = e["params"]!;
                switch (e["method"]!.GetValue<string>())
                {
                    case "Network.requestWillBeSent":
                        visit.Requests.Add(parameters["request"]!["url"]!.GetValue<string>());
                        break;
                    case "Runtime.exceptionThrown":
                        visit.Errors.Add("exception: " + parameters["exceptionDetails"]!.ToJsonString());
                        break;
                    case "Runtime.consoleAPICalled" when parameters["type"]!.GetValue<string>() is "error" or "warning" or "assert":
                        visit.Errors.Add("console: " + parameters["args"]!.ToJsonString());
                        break;
                    case "Page.javascriptDialogOpening":
                        visit.Errors.Add("dialog: " + parameters["message"]!.GetValue<string>());
                        break;
                    case "Log.entryAdded" when parameters["entry"]!["level"]!.GetValue<string>() is "error" or "warning":
                        visit.Errors.Add("log: " + parameters["entry"]!["text"]!.GetValue<string>());
                        break;
                }
            }

            return visit;
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited already.
            }

            _socket.Dispose();
            _process.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // A file the browser was still closing; the temporary folder is cleaned up eventually.
            }
        }

        private List<JsonObject> Events(string session)
        {
            lock (_events)
            {
                return _events.Where(e => e["sessionId"]?.GetValue<string>() == session).ToList();
            }
        }

        private async Task<JsonNode> EvaluateAsync(string expression, string session)
        {
            var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, session).ConfigureAwait(false);
            return result["result"]!["value"] ?? throw new InvalidOperationException("no value for " + expression + ": " + result.ToJsonString());
        }

        private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session = null)
        {
            TaskCompletionSource<JsonObject> reply;
            JsonObject message;
            lock (_pending)
            {
                var id = ++_nextId;
                reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add(id, reply);
                message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
                if (session is not null)
                {
                    message["sessionId"] = session;
                }
            }

            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            var done = await Task.WhenAny(reply.Task, Task.Delay(Timeout)).ConfigureAwait(false);
            if (done != reply.Task)
            {
                throw new TimeoutException("no reply to " + method);
            }

            var response = await reply.Task.ConfigureAwait(false);
            if (response["error"] is { } error)
            {
                throw new InvalidOperationException(method + " failed: " + error.ToJsonString());
            }

            return response["result"]!.AsObject();
        }

        private async Task ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            try
            {
                while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
                {
                    var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                    if (!received.EndOfMessage)
                    {
                        continue;
                    }

                    var json = JsonNode.Parse(message.ToArray())!.AsObject();
                    message.SetLength(0);
                    if (json["id"] is { } id)
                    {
                        TaskCompletionSource<JsonObject>? reply;
                        lock (_pending)
                        {
                            _pending.Remove(id.GetValue<int>(), out reply);
                        }

                        reply?.TrySetResult(json);
                    }
                    else
                    {
                        lock (_events)
                        {
                            _events.Add(json);
                        }
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The browser was closed.
            }
        }

        /// <summary>Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on standard error.</summary>
        private async Task<string> ReadEndpointAsync()
        {
            var read = Task.Run(async () =>
            {
                string? line;
                var seen = new StringBuilder();
                while ((line = await _process.StandardError.ReadLineAsync().ConfigureAwait(false)) is not null)
                {
                    const string Marker = "DevTools listening on ";
                    var at = line.IndexOf(Marker, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        // Keep draining standard error, so the browser never blocks on a full pipe.
                        _ = _process.StandardError.ReadToEndAsync();
                        return line.Substring(at + Marker.Length).Trim();
                    }

                    seen.AppendLine(line);
                }

                throw new InvalidOperationException("Chromium exited without a DevTools endpoint:\n" + seen);
            });
            if (await Task.WhenAny(read, Task.Delay(Timeout)).ConfigureAwait(false) != read)
            {
                throw new TimeoutException("Chromium printed no DevTools endpoint in " + Timeout);
            }

            return await read.ConfigureAwait(false);
        }
    }
}
