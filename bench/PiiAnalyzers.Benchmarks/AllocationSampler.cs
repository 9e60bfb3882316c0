using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// What the engine allocates, by type (<c>--engine SIZE --alloc-types</c>): the runtime's allocation ticks (one event
    /// about every 100 KB allocated, naming the type of the object that crossed the mark, so types are sampled in
    /// proportion to their bytes), counted only while the engine runs (<see cref="AddWindow"/>), not while it binds.
    /// </summary>
    internal sealed class AllocationSampler : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        private readonly object _gate = new object();
        private readonly List<(DateTime Time, string Type, long Bytes)> _ticks = new List<(DateTime, string, long)>();
        private readonly List<(DateTime Start, DateTime End)> _windows = new List<(DateTime, DateTime)>();

        /// <summary>The sampler listening now, if any: <see cref="EngineRun"/> tells it when the engine runs.</summary>
        public static AllocationSampler? Instance { get; private set; }

        public static AllocationSampler Start() => Instance = new AllocationSampler();

        public void AddWindow(DateTime start, DateTime end)
        {
            lock (_gate)
            {
                _windows.Add((start, end));
            }
        }

        /// <summary>Prints the <paramref name="top"/> types by sampled bytes, once the runtime has delivered its events.</summary>
        public void Print(int top)
        {
            Thread.Sleep(3000); // runtime events reach listeners in batches, about a second late
            var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
            long total = 0;
            lock (_gate)
            {
                foreach (var (time, type, amount) in _ticks)
                {
                    if (_windows.Any(w => time >= w.Start && time <= w.End))
                    {
                        bytes[type] = bytes.TryGetValue(type, out var sum) ? sum + amount : amount;
                        total += amount;
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocations sampled while the engine ran: {total / 1048576.0:N1} MB"));
            foreach (var (type, amount) in bytes.OrderByDescending(b => b.Value).Take(top))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * amount / Math.Max(1, total),5:N1} % {type}"));
            }
        }

        public override void Dispose()
        {
            Instance = null;
            base.Dispose();
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null || e.Payload is null)
            {
                return;
            }

            var type = e.PayloadNames.IndexOf("TypeName");
            var amount = e.PayloadNames.IndexOf("AllocationAmount64");
            if (type < 0 || amount < 0)
            {
                return;
            }

            lock (_gate)
            {
                _ticks.Add((e.TimeStamp.ToUniversalTime(), e.Payload[type] as string ?? "?", Convert.ToInt64(e.Payload[amount], CultureInfo.InvariantCulture)));
            }
        }
    }
}
