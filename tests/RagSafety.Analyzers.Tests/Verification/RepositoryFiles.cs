using System;
using System.IO;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>Files of the repository the tests read: docs, samples, the test sources themselves.</summary>
    public static class RepositoryFiles
    {
        private static readonly Lazy<string> RootPath = new(FindRoot);

        /// <summary>The folder that holds RagSafety.Analyzers.sln.</summary>
        public static string Root => RootPath.Value;

        public static string PathOf(params string[] relative) => Path.Combine(Root, Path.Combine(relative));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "RagSafety.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("RagSafety.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
