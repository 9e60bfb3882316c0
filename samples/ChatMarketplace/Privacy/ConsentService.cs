using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using ChatMarketplace.Model;
using PiiAttributes;

namespace ChatMarketplace.Privacy
{
    /// <summary>Records which purposes each visitor consented to (GDPR Art. 7: consent must be demonstrable and withdrawable).</summary>
    public sealed class ConsentService
    {
        private readonly ConcurrentDictionary<Guid, HashSet<string>> _grants = new ConcurrentDictionary<Guid, HashSet<string>>();

        public void Grant(Visitor visitor, string purpose)
        {
            var purposes = _grants.GetOrAdd(visitor.Id, _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            lock (purposes)
            {
                purposes.Add(purpose);
            }
        }

        public void Withdraw(Visitor visitor, string purpose)
        {
            if (_grants.TryGetValue(visitor.Id, out var purposes))
            {
                lock (purposes)
                {
                    purposes.Remove(purpose);
                }
            }
        }

        /// <summary>True when <paramref name="visitor"/> consented to <paramref name="purpose"/> and has not withdrawn it.</summary>
        [ConsentCheck]
        public bool HasConsent(Visitor visitor, string purpose)
        {
            if (!_grants.TryGetValue(visitor.Id, out var purposes))
            {
                return false;
            }

            lock (purposes)
            {
                return purposes.Contains(purpose);
            }
        }
    }
}
