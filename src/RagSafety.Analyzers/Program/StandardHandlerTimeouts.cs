using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Program
{
    /// <summary>One timeout of a standard resilience handler: its value in seconds when known, and the expression that sets it.</summary>
    internal readonly struct PipelineTimeout
    {
        public PipelineTimeout(double? seconds, IOperation? value)
        {
            Seconds = seconds;
            Value = value;
        }

        /// <summary>The timeout in seconds; null when the code sets it to something not constant (configuration, a variable).</summary>
        public double? Seconds { get; }

        /// <summary>The <c>TimeSpan</c> expression assigned; null when the handler's default applies.</summary>
        public IOperation? Value { get; }

        public bool IsDefault => Value is null && Seconds is not null;
    }

    /// <summary>
    /// The timeouts a call to <c>AddStandardResilienceHandler(…)</c> gives the client: the attempt and total request timeouts
    /// and the circuit breaker's sampling duration (which options validation requires to be at least twice the attempt
    /// timeout), read from its configure lambda and from a <c>.Configure(…)</c> lambda chained on it; the handler's
    /// documented defaults (<see cref="ResilienceDefaults"/>) where nothing sets them.
    /// </summary>
    internal sealed class StandardHandlerTimeouts
    {
        private StandardHandlerTimeouts(PipelineTimeout attempt, PipelineTimeout total, PipelineTimeout sampling, IAnonymousFunctionOperation? lambda)
        {
            Attempt = attempt;
            Total = total;
            Sampling = sampling;
            ConfigureLambda = lambda;
        }

        public PipelineTimeout Attempt { get; }

        public PipelineTimeout Total { get; }

        public PipelineTimeout Sampling { get; }

        /// <summary>The lambda that configures the handler's options (the handler's argument, or the chained <c>Configure</c>'s), if any.</summary>
        public IAnonymousFunctionOperation? ConfigureLambda { get; }

        /// <summary>
        /// The timeouts of the handler the call adds, or null when what it sets is not visible: options bound from configuration,
        /// a method group or delegate variable, or options handed on to other code.
        /// </summary>
        public static StandardHandlerTimeouts? Of(IInvocationOperation handler)
        {
            var attempt = new PipelineTimeout(ResilienceDefaults.StandardHandlerAttemptTimeoutSeconds, null);
            var total = new PipelineTimeout(ResilienceDefaults.StandardHandlerTotalRequestTimeoutSeconds, null);
            var sampling = new PipelineTimeout(ResilienceDefaults.StandardHandlerCircuitBreakerSamplingSeconds, null);
            IAnonymousFunctionOperation? configure = null;
            foreach (var call in new[] { handler, ChainedConfigure(handler) })
            {
                if (call is null)
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is not { Ordinal: > 0 } || argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        continue;
                    }

                    if (argument.Value.WithoutConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                        || lambda.Symbol.Parameters.FirstOrDefault() is not { } options
                        || !Read(lambda, options, ref attempt, ref total, ref sampling))
                    {
                        // An IConfigurationSection, a method group, a delegate variable: the values are not in view.
                        return null;
                    }

                    configure = lambda;
                }
            }

            return new StandardHandlerTimeouts(attempt, total, sampling, configure);
        }

        /// <summary><c>handler.Configure(o => …)</c> on the pipeline builder the handler call returns.</summary>
        private static IInvocationOperation? ChainedConfigure(IInvocationOperation handler)
        {
            var parent = handler.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { TargetMethod: { Name: "Configure", IsExtensionMethod: true } } configure }
                ? configure
                : null;
        }

        /// <summary>Reads the assignments to the options; false when the options escape (passed to a method, assigned elsewhere).</summary>
        private static bool Read(IAnonymousFunctionOperation lambda, IParameterSymbol options, ref PipelineTimeout attempt, ref PipelineTimeout total, ref PipelineTimeout sampling)
        {
            foreach (var operation in lambda.Body.Descendants())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, options) && Escapes(reference):
                        return false;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment when RootsAt(target, options):
                        switch (PathOf(target))
                        {
                            case "AttemptTimeout.Timeout":
                                attempt = new PipelineTimeout(TimeSpans.Seconds(assignment.Value), assignment.Value);
                                break;
                            case "TotalRequestTimeout.Timeout":
                                total = new PipelineTimeout(TimeSpans.Seconds(assignment.Value), assignment.Value);
                                break;
                            case "CircuitBreaker.SamplingDuration":
                                sampling = new PipelineTimeout(TimeSpans.Seconds(assignment.Value), assignment.Value);
                                break;
                            case "AttemptTimeout":
                                attempt = FromStrategyOptions(assignment.Value);
                                break;
                            case "TotalRequestTimeout":
                                total = FromStrategyOptions(assignment.Value);
                                break;
                            case "CircuitBreaker":
                                sampling = new PipelineTimeout(null, assignment.Value);
                                break;
                        }

                        break;
                }
            }

            return true;
        }

        /// <summary><c>o.AttemptTimeout = new HttpTimeoutStrategyOptions { Timeout = … }</c>: the Timeout set there (30 s, Polly's default, when none is).</summary>
        private static PipelineTimeout FromStrategyOptions(IOperation value)
        {
            if (value.WithoutConversions() is IObjectCreationOperation { Arguments.Length: 0 } creation)
            {
                var timeout = creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Timeout" });
                return timeout is null
                    ? new PipelineTimeout(ResilienceDefaults.PollyTimeoutSeconds, creation)
                    : new PipelineTimeout(TimeSpans.Seconds(timeout.Value), timeout.Value);
            }

            return new PipelineTimeout(null, value);
        }

        /// <summary>The options parameter used other than as the receiver of a member access: handed to other code.</summary>
        private static bool Escapes(IParameterReferenceOperation reference) =>
            reference.Parent is not IPropertyReferenceOperation and not IFieldReferenceOperation and not IInvocationOperation { Instance: not null };

        private static bool RootsAt(IPropertyReferenceOperation target, IParameterSymbol options)
        {
            IOperation? current = target;
            while (current is IPropertyReferenceOperation property)
            {
                current = property.Instance;
            }

            return current is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, options);
        }

        /// <summary><c>o.AttemptTimeout.Timeout</c> → <c>AttemptTimeout.Timeout</c>.</summary>
        private static string PathOf(IPropertyReferenceOperation target) =>
            target.Instance is IPropertyReferenceOperation inner ? PathOf(inner) + "." + target.Property.Name : target.Property.Name;
    }
}
