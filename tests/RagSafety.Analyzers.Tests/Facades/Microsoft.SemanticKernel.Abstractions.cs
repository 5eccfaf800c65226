// Facade of the public API of Microsoft.SemanticKernel.Abstractions 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.SemanticKernel.Abstractions, Version=1.66.0.0
// References: Microsoft.Extensions.AI.Abstractions
// Deviation: AutoFunctionInvocationContext derives from Microsoft.Extensions.AI.FunctionInvocationContext (package Microsoft.Extensions.AI,
// not available here), so this facade declares it without that base class and with only the members Semantic Kernel itself declares.
// [Experimental]/[Obsolete] attributes are kept as in the library: test code that uses SKEXP0001 APIs needs '#pragma warning disable SKEXP0001'.
#nullable enable
#pragma warning disable CS0618 // members of obsolete types are used by other declarations, as in the library
#pragma warning disable SKEXP0001
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Embeddings;

namespace Microsoft.SemanticKernel
{
    public sealed class Kernel
    {
        public Kernel(IServiceProvider? services = null, KernelPluginCollection? plugins = null) => throw null!;

        public static IKernelBuilder CreateBuilder() => throw null!;

        public Kernel Clone() => throw null!;

        public KernelPluginCollection Plugins => throw null!;

        public IList<IFunctionInvocationFilter> FunctionInvocationFilters => throw null!;

        public IList<IPromptRenderFilter> PromptRenderFilters => throw null!;

        public IList<IAutoFunctionInvocationFilter> AutoFunctionInvocationFilters => throw null!;

        public IServiceProvider Services => throw null!;

        [AllowNull]
        public CultureInfo Culture { get => throw null!; set => throw null!; }

        public ILoggerFactory LoggerFactory => throw null!;

        public IDictionary<string, object?> Data => throw null!;

        public T GetRequiredService<T>(object? serviceKey = null) where T : class => throw null!;

        public IEnumerable<T> GetAllServices<T>() where T : class => throw null!;

        public Task<FunctionResult> InvokeAsync(KernelFunction function, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<FunctionResult> InvokeAsync(string? pluginName, string functionName, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<TResult?> InvokeAsync<TResult>(KernelFunction function, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<TResult?> InvokeAsync<TResult>(string? pluginName, string functionName, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingKernelContent> InvokeStreamingAsync(KernelFunction function, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingKernelContent> InvokeStreamingAsync(string? pluginName, string functionName, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<T> InvokeStreamingAsync<T>(KernelFunction function, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<T> InvokeStreamingAsync<T>(string? pluginName, string functionName, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public interface IKernelBuilder
    {
        IServiceCollection Services { get; }

        IKernelBuilderPlugins Plugins { get; }
    }

    public interface IKernelBuilderPlugins
    {
        IServiceCollection Services { get; }
    }

    public abstract class FullyQualifiedAIFunction : AIFunction
    {
        internal FullyQualifiedAIFunction(KernelFunctionMetadata metadata) => throw null!;

        public KernelFunctionMetadata Metadata { get => throw null!; init => throw null!; }

        public override string Name => throw null!;
    }

    public abstract class KernelFunction : FullyQualifiedAIFunction
    {
        internal KernelFunction(string name, string description, IReadOnlyList<KernelParameterMetadata> parameters, KernelReturnParameterMetadata? returnParameter = null, Dictionary<string, PromptExecutionSettings>? executionSettings = null)
            : base(null!) => throw null!;

        public virtual new string Name => throw null!;

        public virtual string? PluginName => throw null!;

        public override string Description => throw null!;

        public IReadOnlyDictionary<string, PromptExecutionSettings>? ExecutionSettings => throw null!;

        public override JsonElement JsonSchema => throw null!;

        public override JsonSerializerOptions JsonSerializerOptions => throw null!;

        public override MethodInfo? UnderlyingMethod => throw null!;

        public Task<FunctionResult> InvokeAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<TResult?> InvokeAsync<TResult>(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingKernelContent> InvokeStreamingAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<TResult> InvokeStreamingAsync<TResult>(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default) => throw null!;

        public abstract KernelFunction Clone(string? pluginName = null);

        public override string ToString() => throw null!;

        protected abstract ValueTask<FunctionResult> InvokeCoreAsync(Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken);

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => throw null!;

        protected abstract IAsyncEnumerable<TResult> InvokeStreamingCoreAsync<TResult>(Kernel kernel, KernelArguments arguments, CancellationToken cancellationToken);
    }

    public sealed class KernelFunctionMetadata
    {
        public KernelFunctionMetadata(string name) => throw null!;

        public KernelFunctionMetadata(KernelFunctionMetadata metadata) => throw null!;

        public string Name { get => throw null!; set => throw null!; }

        public string? PluginName { get => throw null!; set => throw null!; }

        public string Description { get => throw null!; set => throw null!; }

        public IReadOnlyList<KernelParameterMetadata> Parameters { get => throw null!; set => throw null!; }

        public KernelReturnParameterMetadata ReturnParameter { get => throw null!; set => throw null!; }
    }

    public sealed class KernelParameterMetadata
    {
        public KernelParameterMetadata(string name) => throw null!;

        public KernelParameterMetadata(string name, JsonSerializerOptions jsonSerializerOptions) => throw null!;

        public KernelParameterMetadata(KernelParameterMetadata metadata) => throw null!;

        public string Name { get => throw null!; set => throw null!; }

        public string Description { get => throw null!; set => throw null!; }

        public object? DefaultValue { get => throw null!; set => throw null!; }

        public bool IsRequired { get => throw null!; set => throw null!; }

        public Type? ParameterType { get => throw null!; set => throw null!; }
    }

    public sealed class KernelReturnParameterMetadata
    {
        public KernelReturnParameterMetadata() { }

        public KernelReturnParameterMetadata(JsonSerializerOptions jsonSerializerOptions) => throw null!;

        public KernelReturnParameterMetadata(KernelReturnParameterMetadata metadata) => throw null!;

        public string Description { get => throw null!; set => throw null!; }

        public Type? ParameterType { get => throw null!; set => throw null!; }
    }

    public sealed class KernelArguments : AIFunctionArguments
    {
        public KernelArguments() => throw null!;

        public KernelArguments(PromptExecutionSettings? executionSettings) => throw null!;

        public KernelArguments(IEnumerable<PromptExecutionSettings>? executionSettings) => throw null!;

        public KernelArguments(IDictionary<string, object?> source, Dictionary<string, PromptExecutionSettings>? executionSettings = null) => throw null!;

        public IReadOnlyDictionary<string, PromptExecutionSettings>? ExecutionSettings { get => throw null!; set => throw null!; }

        public bool ContainsName(string name) => throw null!;

        public ICollection<string> Names => throw null!;
    }

    public abstract class KernelPlugin : IEnumerable<KernelFunction>
    {
        protected KernelPlugin(string name, string? description = null) => throw null!;

        public string Name => throw null!;

        public string Description => throw null!;

        public KernelFunction this[string functionName] => throw null!;

        public bool Contains(string functionName) => throw null!;

        public bool Contains(KernelFunction function) => throw null!;

        public abstract int FunctionCount { get; }

        public abstract bool TryGetFunction(string name, [NotNullWhen(true)] out KernelFunction? function);

        public IList<KernelFunctionMetadata> GetFunctionsMetadata() => throw null!;

        public abstract IEnumerator<KernelFunction> GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => throw null!;

        public IEnumerable<AIFunction> AsAIFunctions(Kernel? kernel = null) => throw null!;
    }

    public interface IReadOnlyKernelPluginCollection : IReadOnlyCollection<KernelPlugin>
    {
        KernelPlugin this[string name] { get; }

        bool TryGetPlugin(string name, [NotNullWhen(true)] out KernelPlugin? plugin);
    }

    public sealed class KernelPluginCollection : ICollection<KernelPlugin>, IReadOnlyKernelPluginCollection
    {
        public KernelPluginCollection() => throw null!;

        public KernelPluginCollection(IEnumerable<KernelPlugin> plugins) => throw null!;

        public int Count => throw null!;

        public void Add(KernelPlugin plugin) => throw null!;

        public void AddRange(IEnumerable<KernelPlugin> plugins) => throw null!;

        public bool Remove(KernelPlugin plugin) => throw null!;

        public void Clear() => throw null!;

        public IEnumerator<KernelPlugin> GetEnumerator() => throw null!;

        public bool Contains(KernelPlugin plugin) => throw null!;

        public KernelPlugin this[string name] => throw null!;

        public bool TryGetPlugin(string name, [NotNullWhen(true)] out KernelPlugin? plugin) => throw null!;

        bool ICollection<KernelPlugin>.IsReadOnly => throw null!;

        void ICollection<KernelPlugin>.CopyTo(KernelPlugin[] array, int arrayIndex) => throw null!;

        IEnumerator IEnumerable.GetEnumerator() => throw null!;
    }

    public sealed class FunctionResult
    {
        public FunctionResult(KernelFunction function, object? value = null, CultureInfo? culture = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public FunctionResult(FunctionResult result, object? value = null) => throw null!;

        public KernelFunction Function { get => throw null!; init => throw null!; }

        public IReadOnlyDictionary<string, object?>? Metadata { get => throw null!; init => throw null!; }

        public CultureInfo Culture { get => throw null!; init => throw null!; }

        public Type? ValueType => throw null!;

        public string? RenderedPrompt => throw null!;

        public T? GetValue<T>() => throw null!;

        public override string ToString() => throw null!;
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class KernelFunctionAttribute : Attribute
    {
        public KernelFunctionAttribute() { }

        public KernelFunctionAttribute(string? name) => throw null!;

        public string? Name => throw null!;
    }

    public class PromptExecutionSettings
    {
        public static string DefaultServiceId => throw null!;

        public string? ServiceId { get => throw null!; set => throw null!; }

        public string? ModelId { get => throw null!; set => throw null!; }

        public FunctionChoiceBehavior? FunctionChoiceBehavior { get => throw null!; set => throw null!; }

        public IDictionary<string, object>? ExtensionData { get => throw null!; set => throw null!; }

        public bool IsFrozen => throw null!;

        public virtual void Freeze() => throw null!;

        public virtual PromptExecutionSettings Clone() => throw null!;

        protected void ThrowIfFrozen() => throw null!;

        protected virtual ChatHistory PrepareChatHistoryForRequest(ChatHistory chatHistory) => throw null!;
    }

    public abstract class FunctionChoiceBehavior
    {
        internal FunctionChoiceBehavior() { }

        public static FunctionChoiceBehavior Auto(IEnumerable<KernelFunction>? functions = null, bool autoInvoke = true, FunctionChoiceBehaviorOptions? options = null) => throw null!;

        public static FunctionChoiceBehavior Required(IEnumerable<KernelFunction>? functions = null, bool autoInvoke = true, FunctionChoiceBehaviorOptions? options = null) => throw null!;

        public static FunctionChoiceBehavior None(IEnumerable<KernelFunction>? functions = null, FunctionChoiceBehaviorOptions? options = null) => throw null!;
    }

    public sealed class FunctionChoiceBehaviorOptions
    {
        public bool? AllowParallelCalls { get => throw null!; set => throw null!; }

        public bool AllowConcurrentInvocation { get => throw null!; set => throw null!; }

        public bool AllowStrictSchemaAdherence { get => throw null!; set => throw null!; }
    }

    public abstract class KernelContent
    {
        public string? MimeType { get => throw null!; set => throw null!; }

        public object? InnerContent { get => throw null!; set => throw null!; }

        public string? ModelId { get => throw null!; set => throw null!; }

        public IReadOnlyDictionary<string, object?>? Metadata { get => throw null!; set => throw null!; }

        protected KernelContent() => throw null!;

        protected KernelContent(object? innerContent, string? modelId = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;
    }

    public class ChatMessageContent : KernelContent
    {
        public string? AuthorName { get => throw null!; set => throw null!; }

        public AuthorRole Role { get => throw null!; set => throw null!; }

        public string? Content { get => throw null!; set => throw null!; }

        public ChatMessageContentItemCollection Items { get => throw null!; set => throw null!; }

        public Encoding Encoding { get => throw null!; set => throw null!; }

        public ChatMessageContent() => throw null!;

        public ChatMessageContent(AuthorRole role, string? content, string? modelId = null, object? innerContent = null, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public ChatMessageContent(AuthorRole role, ChatMessageContentItemCollection items, string? modelId = null, object? innerContent = null, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public override string ToString() => throw null!;
    }

    public sealed class TextContent : KernelContent
    {
        public string? Text { get => throw null!; set => throw null!; }

        public Encoding Encoding { get => throw null!; set => throw null!; }

        public TextContent() => throw null!;

        public TextContent(string? text, string? modelId = null, object? innerContent = null, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public override string ToString() => throw null!;

        public static implicit operator TextContent(string text) => throw null!;
    }

    public abstract class StreamingKernelContent
    {
        public int ChoiceIndex { get => throw null!; set => throw null!; }

        public object? InnerContent { get => throw null!; set => throw null!; }

        public string? ModelId { get => throw null!; set => throw null!; }

        public IReadOnlyDictionary<string, object?>? Metadata { get => throw null!; set => throw null!; }

        public abstract override string ToString();

        public abstract byte[] ToByteArray();

        protected StreamingKernelContent() => throw null!;

        protected StreamingKernelContent(object? innerContent, int choiceIndex = 0, string? modelId = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;
    }

    public class StreamingChatMessageContent : StreamingKernelContent
    {
        public string? Content { get => throw null!; set => throw null!; }

        public StreamingKernelContentItemCollection Items { get => throw null!; set => throw null!; }

        public string? AuthorName { get => throw null!; set => throw null!; }

        public AuthorRole? Role { get => throw null!; set => throw null!; }

        public Encoding Encoding { get => throw null!; set => throw null!; }

        public StreamingChatMessageContent(AuthorRole? role, string? content, object? innerContent = null, int choiceIndex = 0, string? modelId = null, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public override string ToString() => throw null!;

        public override byte[] ToByteArray() => throw null!;
    }

    public class StreamingTextContent : StreamingKernelContent
    {
        public string? Text { get => throw null!; set => throw null!; }

        public Encoding Encoding { get => throw null!; set => throw null!; }

        public StreamingTextContent(string? text, int choiceIndex = 0, string? modelId = null, object? innerContent = null, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public override string ToString() => throw null!;

        public override byte[] ToByteArray() => throw null!;
    }

    public interface IFunctionInvocationFilter
    {
        Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next);
    }

    public interface IPromptRenderFilter
    {
        Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next);
    }

    public interface IAutoFunctionInvocationFilter
    {
        Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next);
    }

    public class FunctionInvocationContext
    {
        internal FunctionInvocationContext(Kernel kernel, KernelFunction function, KernelArguments arguments, FunctionResult result) => throw null!;

        public CancellationToken CancellationToken { get => throw null!; init => throw null!; }

        public bool IsStreaming { get => throw null!; init => throw null!; }

        public Kernel Kernel => throw null!;

        public KernelFunction Function => throw null!;

        public KernelArguments Arguments => throw null!;

        public FunctionResult Result { get => throw null!; set => throw null!; }
    }

    public sealed class PromptRenderContext
    {
        internal PromptRenderContext(Kernel kernel, KernelFunction function, KernelArguments arguments) => throw null!;

        public CancellationToken CancellationToken { get => throw null!; init => throw null!; }

        public bool IsStreaming { get => throw null!; init => throw null!; }

        public Kernel Kernel => throw null!;

        public KernelFunction Function => throw null!;

        public KernelArguments Arguments => throw null!;

        public PromptExecutionSettings? ExecutionSettings { get => throw null!; init => throw null!; }

        public string? RenderedPrompt { get => throw null!; set => throw null!; }

        public FunctionResult? Result { get => throw null!; set => throw null!; }
    }

    public class AutoFunctionInvocationContext
    {
        public AutoFunctionInvocationContext(Kernel kernel, KernelFunction function, FunctionResult result, ChatHistory chatHistory, ChatMessageContent chatMessageContent) => throw null!;

        public CancellationToken CancellationToken { get => throw null!; init => throw null!; }

        public KernelArguments? Arguments { get => throw null!; init => throw null!; }

        public int RequestSequenceIndex { get => throw null!; init => throw null!; }

        public int FunctionSequenceIndex { get => throw null!; init => throw null!; }

        public string? ToolCallId { get => throw null!; init => throw null!; }

        public ChatMessageContent ChatMessageContent => throw null!;

        public PromptExecutionSettings? ExecutionSettings { get => throw null!; init => throw null!; }

        public ChatHistory ChatHistory => throw null!;

        public KernelFunction Function => throw null!;

        public Kernel Kernel => throw null!;

        public FunctionResult Result { get => throw null!; set => throw null!; }
    }

    public interface IPromptTemplate
    {
        Task<string> RenderAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default);
    }

    public interface IPromptTemplateFactory
    {
        bool TryCreate(PromptTemplateConfig templateConfig, [NotNullWhen(true)] out IPromptTemplate? result);
    }

    public sealed class PromptTemplateConfig
    {
        public PromptTemplateConfig() => throw null!;

        public PromptTemplateConfig(string template) => throw null!;

        public static PromptTemplateConfig FromJson(string json) => throw null!;

        public string? Name { get => throw null!; set => throw null!; }

        public string? Description { get => throw null!; set => throw null!; }

        public static string SemanticKernelTemplateFormat => throw null!;

        public string TemplateFormat { get => throw null!; set => throw null!; }

        public string Template { get => throw null!; set => throw null!; }

        public Dictionary<string, PromptExecutionSettings> ExecutionSettings { get => throw null!; set => throw null!; }

        public bool AllowDangerouslySetContent { get => throw null!; set => throw null!; }

        public PromptExecutionSettings? DefaultExecutionSettings => throw null!;

        public void AddExecutionSettings(PromptExecutionSettings settings, string? serviceId = null) => throw null!;
    }
}

namespace Microsoft.SemanticKernel.Services
{
    public interface IAIService
    {
        IReadOnlyDictionary<string, object?> Attributes { get; }
    }
}

namespace Microsoft.SemanticKernel.ChatCompletion
{
    using Microsoft.SemanticKernel.Services;

    public class ChatHistory : IList<ChatMessageContent>, IReadOnlyList<ChatMessageContent>
    {
        public ChatHistory() => throw null!;

        public ChatHistory(string message, AuthorRole role) => throw null!;

        public ChatHistory(string systemMessage) => throw null!;

        public ChatHistory(IEnumerable<ChatMessageContent> messages) => throw null!;

        public virtual int Count => throw null!;

        public void AddMessage(AuthorRole authorRole, string content, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public void AddMessage(AuthorRole authorRole, ChatMessageContentItemCollection contentItems, Encoding? encoding = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public void AddUserMessage(string content) => throw null!;

        public void AddUserMessage(ChatMessageContentItemCollection contentItems) => throw null!;

        public void AddAssistantMessage(string content) => throw null!;

        public void AddSystemMessage(string content) => throw null!;

        public void AddDeveloperMessage(string content) => throw null!;

        public virtual void Add(ChatMessageContent item) => throw null!;

        public virtual void AddRange(IEnumerable<ChatMessageContent> items) => throw null!;

        public virtual void Insert(int index, ChatMessageContent item) => throw null!;

        public virtual void CopyTo(ChatMessageContent[] array, int arrayIndex) => throw null!;

        public virtual void Clear() => throw null!;

        public virtual ChatMessageContent this[int index] { get => throw null!; set => throw null!; }

        public virtual bool Contains(ChatMessageContent item) => throw null!;

        public virtual int IndexOf(ChatMessageContent item) => throw null!;

        public virtual void RemoveAt(int index) => throw null!;

        public virtual bool Remove(ChatMessageContent item) => throw null!;

        public virtual void RemoveRange(int index, int count) => throw null!;

        bool ICollection<ChatMessageContent>.IsReadOnly => throw null!;

        IEnumerator<ChatMessageContent> IEnumerable<ChatMessageContent>.GetEnumerator() => throw null!;

        IEnumerator IEnumerable.GetEnumerator() => throw null!;
    }

    public class ChatMessageContentItemCollection : IList<KernelContent>, IReadOnlyList<KernelContent>
    {
        public ChatMessageContentItemCollection() => throw null!;

        public KernelContent this[int index] { get => throw null!; set => throw null!; }

        public int Count => throw null!;

        public void Add(KernelContent item) => throw null!;

        public void Clear() => throw null!;

        public bool Contains(KernelContent item) => throw null!;

        public void CopyTo(KernelContent[] array, int arrayIndex) => throw null!;

        public int IndexOf(KernelContent item) => throw null!;

        public void Insert(int index, KernelContent item) => throw null!;

        public bool Remove(KernelContent item) => throw null!;

        public void RemoveAt(int index) => throw null!;

        bool ICollection<KernelContent>.IsReadOnly => throw null!;

        IEnumerator IEnumerable.GetEnumerator() => throw null!;

        IEnumerator<KernelContent> IEnumerable<KernelContent>.GetEnumerator() => throw null!;
    }

    public sealed class StreamingKernelContentItemCollection : IList<StreamingKernelContent>, IReadOnlyList<StreamingKernelContent>
    {
        public StreamingKernelContentItemCollection() => throw null!;

        public StreamingKernelContent this[int index] { get => throw null!; set => throw null!; }

        public int Count => throw null!;

        public void Add(StreamingKernelContent item) => throw null!;

        public void Clear() => throw null!;

        public bool Contains(StreamingKernelContent item) => throw null!;

        public void CopyTo(StreamingKernelContent[] array, int arrayIndex) => throw null!;

        public int IndexOf(StreamingKernelContent item) => throw null!;

        public void Insert(int index, StreamingKernelContent item) => throw null!;

        public bool Remove(StreamingKernelContent item) => throw null!;

        public void RemoveAt(int index) => throw null!;

        bool ICollection<StreamingKernelContent>.IsReadOnly => throw null!;

        IEnumerator IEnumerable.GetEnumerator() => throw null!;

        IEnumerator<StreamingKernelContent> IEnumerable<StreamingKernelContent>.GetEnumerator() => throw null!;
    }

    public readonly struct AuthorRole : IEquatable<AuthorRole>
    {
        public static AuthorRole Developer => throw null!;

        public static AuthorRole System => throw null!;

        public static AuthorRole Assistant => throw null!;

        public static AuthorRole User => throw null!;

        public static AuthorRole Tool => throw null!;

        public string Label => throw null!;

        public AuthorRole(string label) => throw null!;

        public static bool operator ==(AuthorRole left, AuthorRole right) => throw null!;

        public static bool operator !=(AuthorRole left, AuthorRole right) => throw null!;

        public override bool Equals([NotNullWhen(true)] object? obj) => throw null!;

        public bool Equals(AuthorRole other) => throw null!;

        public override int GetHashCode() => throw null!;

        public override string ToString() => throw null!;
    }

    public interface IChatCompletionService : IAIService
    {
        Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
            ChatHistory chatHistory,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);

        IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
            ChatHistory chatHistory,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);
    }

    public static class ChatCompletionServiceExtensions
    {
        public static Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
            this IChatCompletionService chatCompletionService,
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static Task<ChatMessageContent> GetChatMessageContentAsync(
            this IChatCompletionService chatCompletionService,
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static Task<ChatMessageContent> GetChatMessageContentAsync(
            this IChatCompletionService chatCompletionService,
            ChatHistory chatHistory,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
            this IChatCompletionService chatCompletionService,
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static IChatClient AsChatClient(this IChatCompletionService service) => throw null!;
    }
}

namespace Microsoft.SemanticKernel.TextGeneration
{
    using Microsoft.SemanticKernel.Services;

    public interface ITextGenerationService : IAIService
    {
        Task<IReadOnlyList<TextContent>> GetTextContentsAsync(
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);

        IAsyncEnumerable<StreamingTextContent> GetStreamingTextContentsAsync(
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);
    }
}

namespace Microsoft.SemanticKernel.Embeddings
{
    using Microsoft.SemanticKernel.Services;

    [Experimental("SKEXP0001")]
    [Obsolete("Use Microsoft.Extensions.AI.IEmbeddingGenerator<string, Embedding<float>> instead.")]
    public interface IEmbeddingGenerationService<TValue, TEmbedding> : IAIService
        where TEmbedding : unmanaged
    {
        Task<IList<ReadOnlyMemory<TEmbedding>>> GenerateEmbeddingsAsync(
            IList<TValue> data,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);
    }

    [Experimental("SKEXP0001")]
    [Obsolete("Use Microsoft.Extensions.AI.IEmbeddingGenerator<string, Embedding<float>> instead.")]
    public interface ITextEmbeddingGenerationService : IEmbeddingGenerationService<string, float>;

    [Experimental("SKEXP0001")]
    [Obsolete("Use Microsoft.Extensions.AI.IEmbeddingGenerator<string, Embedding<float>> instead.")]
    public static class EmbeddingGenerationExtensions
    {
        public static string DimensionsKey => throw null!;

        public static Task<ReadOnlyMemory<TEmbedding>> GenerateEmbeddingAsync<TValue, TEmbedding>(
            this IEmbeddingGenerationService<TValue, TEmbedding> generator,
            TValue value,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default)
            where TEmbedding : unmanaged => throw null!;

        public static IEmbeddingGenerator<TValue, Embedding<TEmbedding>> AsEmbeddingGenerator<TValue, TEmbedding>(
            this IEmbeddingGenerationService<TValue, TEmbedding> service)
            where TEmbedding : unmanaged => throw null!;

        public static IEmbeddingGenerationService<TValue, TEmbedding> AsEmbeddingGenerationService<TValue, TEmbedding>(
            this IEmbeddingGenerator<TValue, Embedding<TEmbedding>> generator,
            IServiceProvider? serviceProvider = null)
            where TEmbedding : unmanaged => throw null!;

        public static ITextEmbeddingGenerationService AsTextEmbeddingGenerationService(this IEmbeddingGenerator<string, Embedding<float>> generator, IServiceProvider? serviceProvider = null) => throw null!;

        public static int? GetDimensions<TValue, TEmbedding>(this IEmbeddingGenerationService<TValue, TEmbedding> service) where TEmbedding : unmanaged => throw null!;
    }
}

namespace Microsoft.SemanticKernel.Memory
{
    [Experimental("SKEXP0001")]
    public interface ISemanticTextMemory
    {
        Task<string> SaveInformationAsync(
            string collection,
            string text,
            string id,
            string? description = null,
            string? additionalMetadata = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);

        Task<string> SaveReferenceAsync(
            string collection,
            string text,
            string externalId,
            string externalSourceName,
            string? description = null,
            string? additionalMetadata = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);

        Task<MemoryQueryResult?> GetAsync(string collection, string key, bool withEmbedding = false, Kernel? kernel = null, CancellationToken cancellationToken = default);

        Task RemoveAsync(string collection, string key, Kernel? kernel = null, CancellationToken cancellationToken = default);

        IAsyncEnumerable<MemoryQueryResult> SearchAsync(
            string collection,
            string query,
            int limit = 1,
            double minRelevanceScore = 0.7,
            bool withEmbeddings = false,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default);

        Task<IList<string>> GetCollectionsAsync(Kernel? kernel = null, CancellationToken cancellationToken = default);
    }

    [Experimental("SKEXP0001")]
    public interface IMemoryStore
    {
        Task CreateCollectionAsync(string collectionName, CancellationToken cancellationToken = default);

        IAsyncEnumerable<string> GetCollectionsAsync(CancellationToken cancellationToken = default);

        Task<bool> DoesCollectionExistAsync(string collectionName, CancellationToken cancellationToken = default);

        Task DeleteCollectionAsync(string collectionName, CancellationToken cancellationToken = default);

        Task<string> UpsertAsync(string collectionName, MemoryRecord record, CancellationToken cancellationToken = default);

        IAsyncEnumerable<string> UpsertBatchAsync(string collectionName, IEnumerable<MemoryRecord> records, CancellationToken cancellationToken = default);

        Task<MemoryRecord?> GetAsync(string collectionName, string key, bool withEmbedding = false, CancellationToken cancellationToken = default);

        IAsyncEnumerable<MemoryRecord> GetBatchAsync(string collectionName, IEnumerable<string> keys, bool withEmbeddings = false, CancellationToken cancellationToken = default);

        Task RemoveAsync(string collectionName, string key, CancellationToken cancellationToken = default);

        Task RemoveBatchAsync(string collectionName, IEnumerable<string> keys, CancellationToken cancellationToken = default);

        IAsyncEnumerable<(MemoryRecord, double)> GetNearestMatchesAsync(
            string collectionName,
            ReadOnlyMemory<float> embedding,
            int limit,
            double minRelevanceScore = 0.0,
            bool withEmbeddings = false,
            CancellationToken cancellationToken = default);

        Task<(MemoryRecord, double)?> GetNearestMatchAsync(
            string collectionName,
            ReadOnlyMemory<float> embedding,
            double minRelevanceScore = 0.0,
            bool withEmbedding = false,
            CancellationToken cancellationToken = default);
    }

    [Experimental("SKEXP0001")]
    public class DataEntryBase
    {
        public DataEntryBase(string? key = null, DateTimeOffset? timestamp = null) => throw null!;

        public string Key { get => throw null!; set => throw null!; }

        public DateTimeOffset? Timestamp { get => throw null!; set => throw null!; }

        public bool HasTimestamp => throw null!;
    }

    [Experimental("SKEXP0001")]
    public class MemoryRecord : DataEntryBase
    {
        public ReadOnlyMemory<float> Embedding => throw null!;

        public MemoryRecordMetadata Metadata => throw null!;

        public MemoryRecord(MemoryRecordMetadata metadata, ReadOnlyMemory<float> embedding, string? key, DateTimeOffset? timestamp = null) => throw null!;

        public static MemoryRecord ReferenceRecord(string externalId, string sourceName, string? description, ReadOnlyMemory<float> embedding, string? additionalMetadata = null, string? key = null, DateTimeOffset? timestamp = null) => throw null!;

        public static MemoryRecord LocalRecord(string id, string text, string? description, ReadOnlyMemory<float> embedding, string? additionalMetadata = null, string? key = null, DateTimeOffset? timestamp = null) => throw null!;

        public static MemoryRecord FromJsonMetadata(string json, ReadOnlyMemory<float> embedding, string? key = null, DateTimeOffset? timestamp = null) => throw null!;

        public static MemoryRecord FromMetadata(MemoryRecordMetadata metadata, ReadOnlyMemory<float> embedding, string? key = null, DateTimeOffset? timestamp = null) => throw null!;

        public string GetSerializedMetadata() => throw null!;
    }

    [Experimental("SKEXP0001")]
    public class MemoryRecordMetadata : ICloneable
    {
        public bool IsReference => throw null!;

        public string ExternalSourceName => throw null!;

        public string Id => throw null!;

        public string Description => throw null!;

        public string Text => throw null!;

        public string AdditionalMetadata => throw null!;

        public MemoryRecordMetadata(bool isReference, string id, string text, string description, string externalSourceName, string additionalMetadata) => throw null!;

        public object Clone() => throw null!;
    }

    [Experimental("SKEXP0001")]
    public class MemoryQueryResult
    {
        public MemoryRecordMetadata Metadata => throw null!;

        public double Relevance => throw null!;

        public ReadOnlyMemory<float>? Embedding => throw null!;

        public MemoryQueryResult(MemoryRecordMetadata metadata, double relevance, ReadOnlyMemory<float>? embedding) => throw null!;

        public static MemoryQueryResult FromMemoryRecord(MemoryRecord record, double relevance) => throw null!;
    }
}

namespace Microsoft.SemanticKernel.Data
{
    public interface ITextSearch
    {
        Task<KernelSearchResults<string>> SearchAsync(
            string query,
            TextSearchOptions? searchOptions = null,
            CancellationToken cancellationToken = default);

        Task<KernelSearchResults<TextSearchResult>> GetTextSearchResultsAsync(
            string query,
            TextSearchOptions? searchOptions = null,
            CancellationToken cancellationToken = default);

        Task<KernelSearchResults<object>> GetSearchResultsAsync(
            string query,
            TextSearchOptions? searchOptions = null,
            CancellationToken cancellationToken = default);
    }

    public sealed class KernelSearchResults<T>
    {
        public KernelSearchResults(IAsyncEnumerable<T> results, long? totalCount = null, IReadOnlyDictionary<string, object?>? metadata = null) => throw null!;

        public long? TotalCount => throw null!;

        public IReadOnlyDictionary<string, object?>? Metadata => throw null!;

        public IAsyncEnumerable<T> Results => throw null!;
    }

    public sealed class TextSearchOptions
    {
        public static readonly int DefaultTop = 5;

        public bool IncludeTotalCount { get => throw null!; init => throw null!; }

        public TextSearchFilter? Filter { get => throw null!; init => throw null!; }

        public int Top { get => throw null!; init => throw null!; }

        public int Skip { get => throw null!; init => throw null!; }
    }

    public sealed class TextSearchResult
    {
        public TextSearchResult(string value) => throw null!;

        public string? Name { get => throw null!; init => throw null!; }

        public string? Link { get => throw null!; init => throw null!; }

        public string Value { get => throw null!; init => throw null!; }
    }

    [Experimental("SKEXP0001")]
    public sealed class TextSearchFilter
    {
        public TextSearchFilter Equality(string fieldName, object value) => throw null!;
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    using Microsoft.SemanticKernel;

    public static class KernelServiceCollectionExtensions
    {
        // Fact from the library: registers KernelPluginCollection and Kernel as transient services (both are mutable).
        public static IKernelBuilder AddKernel(this IServiceCollection services) => throw null!;
    }
}
