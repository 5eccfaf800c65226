using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Configuration
{
    /// <summary>What each option accepts and falls back to: read by the rules, checked by RAG900.</summary>
    internal abstract class OptionSpec
    {
        protected OptionSpec(string key) => Key = key;

        public string Key { get; }

        /// <summary>Why a value is not valid, or null when it is.</summary>
        public abstract IEnumerable<string> Problems(string value);
    }

    /// <summary>A whole number within bounds; anything else means the default.</summary>
    internal sealed class IntegerOption : OptionSpec
    {
        public IntegerOption(string key, int defaultValue, int min, int max)
            : base(key)
        {
            Default = defaultValue;
            Min = min;
            Max = max;
        }

        public int Default { get; }

        public int Min { get; }

        public int Max { get; }

        public int Read(CompilationOptionsReader reader) => reader.GetInt32(Key, Default, Min, Max);

        public override IEnumerable<string> Problems(string value)
        {
            if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < Min || number > Max)
            {
                yield return string.Format(CultureInfo.InvariantCulture, "'{0}' is not a whole number from {1} to {2}; {3} is used", value.Trim(), Min, Max, Default);
            }
        }
    }

    /// <summary>A list of documentation-comment IDs that extends a role of the catalog.</summary>
    internal sealed class ApiListOption : OptionSpec
    {
        public ApiListOption(ApiRole role)
            : base(OptionKeys.ApisKey(role)) => Role = role;

        public ApiRole Role { get; }

        public override IEnumerable<string> Problems(string value) =>
            CompilationOptionsReader.SplitItems(value)
                .Select(item => item.Trim())
                .Where(item => item.Length > 0 && !(item.Length > 2 && item[1] == ':' && item[0] is 'T' or 'M' or 'P'))
                .Select(item => $"'{item}' is not a documentation-comment ID starting with T:, M: or P:; it is ignored");
    }

    /// <summary>A list of free-form items (route patterns, names) that no value can make invalid.</summary>
    internal sealed class TextListOption : OptionSpec
    {
        public TextListOption(string key)
            : base(key)
        {
        }

        public IReadOnlyList<string> Read(CompilationOptionsReader reader) => reader.GetList(Key);

        public override IEnumerable<string> Problems(string value) => Enumerable.Empty<string>();
    }

    internal static class OptionSpecs
    {
        public static readonly IntegerOption CallChainDepth = new(OptionKeys.CallChainDepth, OptionKeys.DefaultCallChainDepth, min: 1, max: 20);

        public static readonly IntegerOption HttpTimeoutSeconds = new(OptionKeys.HttpTimeoutSeconds, OptionKeys.DefaultHttpTimeoutSeconds, min: 1, max: 3600);

        public static readonly IntegerOption MinGenerationTimeoutSeconds = new(OptionKeys.MinGenerationTimeoutSeconds, OptionKeys.DefaultMinGenerationTimeoutSeconds, min: 1, max: 3600);

        public static readonly IntegerOption MaxConcurrency = new(OptionKeys.MaxConcurrency, OptionKeys.DefaultMaxConcurrency, min: 1, max: 256);

        public static readonly TextListOption AllowedHandlers = new(OptionKeys.AllowedHandlers);

        /// <summary>Every option the package reads, by key (keys are case-insensitive, as in .editorconfig).</summary>
        public static readonly ImmutableDictionary<string, OptionSpec> All =
            new OptionSpec[] { CallChainDepth, HttpTimeoutSeconds, MinGenerationTimeoutSeconds, MaxConcurrency, AllowedHandlers }
                .Concat(Enum.GetValues(typeof(ApiRole)).Cast<ApiRole>().Select(role => new ApiListOption(role)))
                .ToImmutableDictionary(spec => spec.Key, StringComparer.OrdinalIgnoreCase);
    }
}
