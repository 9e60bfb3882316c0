using System;
using System.IO;
using ChatMarketplace.Model;
using ChatMarketplace.Privacy;

namespace ChatMarketplace.Insights
{
    /// <summary>Keeps pre-chat survey answers for the quarterly report: topic counts, and "how did you hear about us?".</summary>
    public sealed class SurveyArchive
    {
        private readonly ConsentService _consent;
        private readonly string _topicsPath;
        private readonly string _answersPath;

        public SurveyArchive(ConsentService consent, string directory)
        {
            _consent = consent;
            _topicsPath = Path.Combine(directory, "survey-topics.csv");
            _answersPath = Path.Combine(directory, "survey-answers.csv");
        }

        /// <summary>Records the survey of a chat that an agent picked up.</summary>
        public void Record(Visitor visitor, PreChatSurvey survey)
        {
            // The topic is not personal data.
            File.AppendAllText(_topicsPath, survey.Topic + Environment.NewLine);

            // The visitor's own words are kept only when they agreed to analytics.
            if (_consent.HasConsent(visitor, "analytics") && survey.FoundUsThrough is { Length: > 0 } answer)
            {
                File.AppendAllText(_answersPath, answer + Environment.NewLine);
            }
        }

        /// <summary>Records the survey of a visitor who closed the widget before an agent picked up.</summary>
        public void RecordAbandoned(Visitor visitor, PreChatSurvey survey)
        {
            File.AppendAllText(_topicsPath, survey.Topic + Environment.NewLine);

            // PII003: the answer of a visitor who left is written to the analytics file without checking their consent to analytics; check _consent.HasConsent(visitor, "analytics") first, as Record does.
            File.AppendAllText(_answersPath, survey.FoundUsThrough + Environment.NewLine);
        }
    }
}
