using System;
using System.IO;
using PiiReport.Model;

namespace PiiReport.Writers
{
    internal enum ReportFormat
    {
        Markdown,
        Html,
        Json,
        Sarif,
    }

    /// <summary>Writes a report in a format; every writer ends lines with '\n' whatever the platform.</summary>
    internal static class ReportWriters
    {
        public static void Write(PrivacyReport report, ReportFormat format, TextWriter writer)
        {
            switch (format)
            {
                case ReportFormat.Markdown:
                    MarkdownWriter.Write(report, writer);
                    break;
                case ReportFormat.Html:
                    HtmlWriter.Write(report, writer);
                    break;
                case ReportFormat.Json:
                    JsonReportWriter.Write(report, writer);
                    break;
                case ReportFormat.Sarif:
                    SarifWriter.Write(report, writer);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format));
            }
        }

        public static string ToString(PrivacyReport report, ReportFormat format)
        {
            using var writer = new StringWriter { NewLine = "\n" };
            Write(report, format, writer);
            return writer.ToString();
        }
    }
}
