using System;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>Which libraries a test compilation references, beyond the .NET base library that is always there.</summary>
    [Flags]
    public enum TestLibraries
    {
        None = 0,

        /// <summary>The ASP.NET Core shared framework (minimal APIs, MVC, SignalR, DI, HttpClientFactory).</summary>
        AspNetCore = 1,

        /// <summary>Microsoft.Extensions.AI.Abstractions 10.11.0 (the real package).</summary>
        ExtensionsAI = 2,

        /// <summary>OpenAI 2.15.0 with System.ClientModel (the real package).</summary>
        OpenAI = 4,

        /// <summary>Every API facade of Facades/ except the legacy Azure.AI.OpenAI 1.0 beta.</summary>
        Facades = 8,

        /// <summary>The legacy Azure.AI.OpenAI 1.0 beta facade (it shares the assembly name of the v2 facade, so it replaces it).</summary>
        LegacyAzureOpenAI = 16,

        Default = AspNetCore | ExtensionsAI | OpenAI | Facades,
    }
}
