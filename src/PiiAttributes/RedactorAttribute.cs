using System;

namespace PiiAttributes
{
    /// <summary>
    /// Marks a method whose return value no longer carries personal data (it masks, hashes with a secret key, or
    /// removes it), so the result may be logged or stored freely (data minimisation, GDPR Art. 5(1)(c)).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class RedactorAttribute : Attribute
    {
    }
}
