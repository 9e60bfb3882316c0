using System;
using System.Collections.Generic;
using System.Linq;
using ChatMarketplace.Model;

namespace ChatMarketplace.Chat
{
    /// <summary>The agents on shift, and who takes the next chat.</summary>
    public sealed class AgentRoster
    {
        private readonly List<Agent> _agents;
        private int _next;

        public AgentRoster(IEnumerable<Agent> agents)
        {
            _agents = agents.ToList();
        }

        public IReadOnlyList<Agent> Agents => _agents;

        /// <summary>The next online agent who speaks <paramref name="locale"/>, round robin; any online agent otherwise.</summary>
        public Agent? PickAvailable(string locale)
        {
            var online = _agents.Where(a => a.Online).ToList();
            if (online.Count == 0)
            {
                return null;
            }

            var speakers = online.Where(a => a.Languages.Contains(locale, StringComparer.OrdinalIgnoreCase)).ToList();
            var pool = speakers.Count > 0 ? speakers : online;
            return pool[_next++ % pool.Count];
        }
    }
}
