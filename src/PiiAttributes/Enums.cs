namespace PiiAttributes
{
    /// <summary>
    /// The kind of personal data a member holds. The category decides how strictly the data is treated:
    /// <see cref="Special"/> data needs explicit consent whatever its lawful basis (GDPR Art. 9).
    /// </summary>
    public enum PersonalDataCategory
    {
        /// <summary>Personal data with no more specific category.</summary>
        General = 0,

        /// <summary>Data that identifies a person directly: a name, a date of birth, a national identity or customer number.</summary>
        Identifier = 1,

        /// <summary>Contact details: email address, phone number, postal contact.</summary>
        Contact = 2,

        /// <summary>Online identifiers (GDPR Recital 30): IP addresses, cookie and device identifiers.</summary>
        OnlineIdentifier = 3,

        /// <summary>Location data: addresses, postcodes, cities, coordinates.</summary>
        Location = 4,

        /// <summary>Financial data: card numbers, bank accounts, payments, receipts.</summary>
        Financial = 5,

        /// <summary>Content a person wrote or said: chat messages, transcripts, survey answers.</summary>
        Content = 6,

        /// <summary>
        /// Special categories of personal data (GDPR Art. 9): health, racial or ethnic origin, political opinions,
        /// religious beliefs, trade-union membership, genetic and biometric data, sex life or orientation.
        /// Processing them needs explicit consent whatever the declared lawful basis.
        /// </summary>
        Special = 7,
    }

    /// <summary>The lawful basis for processing personal data (GDPR Art. 6(1)).</summary>
    public enum LawfulBasis
    {
        /// <summary>Art. 6(1)(a): the person gave consent for the purpose. Processing must be preceded by a consent check.</summary>
        Consent = 0,

        /// <summary>Art. 6(1)(b): processing is necessary to perform a contract with the person.</summary>
        Contract = 1,

        /// <summary>Art. 6(1)(c): processing is necessary to comply with a legal obligation (tax records, for example).</summary>
        LegalObligation = 2,

        /// <summary>Art. 6(1)(d): processing is necessary to protect someone's vital interests.</summary>
        VitalInterests = 3,

        /// <summary>Art. 6(1)(e): processing is necessary for a task in the public interest or official authority.</summary>
        PublicTask = 4,

        /// <summary>Art. 6(1)(f): processing is necessary for the controller's legitimate interests, balanced against the person's rights.</summary>
        LegitimateInterests = 5,
    }

    /// <summary>Where personal data can end up outside the program's memory.</summary>
    public enum SinkKind
    {
        /// <summary>A log, trace or console: copied, shipped and kept far beyond any purpose.</summary>
        Logging = 0,

        /// <summary>A serializer whose output leaves the process (a response body, a message, a file).</summary>
        Serialization = 1,

        /// <summary>A store: a database, cache, file or document store.</summary>
        Persistence = 2,

        /// <summary>Another system reached over the network: a CRM, an API, a third-party service.</summary>
        Transfer = 3,
    }
}
