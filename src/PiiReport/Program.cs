using System;
using System.Threading.Tasks;

namespace PiiReport
{
    /// <summary>The <c>pii-report</c> entry point; the work is in <see cref="ReportCommand"/>.</summary>
    public static class Program
    {
        public static Task<int> Main(string[] args) => ReportCommand.RunAsync(args, Console.Out, Console.Error);
    }
}
