using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>Constant <c>TimeSpan</c> values: <c>TimeSpan.FromSeconds(90)</c>, <c>FromMinutes(2)</c>, <c>new TimeSpan(0, 2, 0)</c>.</summary>
    internal static class TimeSpans
    {
        /// <summary>The value in seconds, or null when it is not a constant the compiler can see.</summary>
        public static double? Seconds(IOperation value)
        {
            switch (value.WithoutConversions())
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType: { Name: "TimeSpan" } type } method } invocation
                    when type.ContainingNamespace?.ToDisplayString() == "System" && invocation.Arguments.Length == 1
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } constant }:
                    var number = System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
                    return method.Name switch
                    {
                        "FromMilliseconds" => number / 1000,
                        "FromSeconds" => number,
                        "FromMinutes" => number * 60,
                        "FromHours" => number * 3600,
                        "FromDays" => number * 86400,
                        _ => null,
                    };
                case IObjectCreationOperation { Type: { Name: "TimeSpan" } created, Arguments: { Length: 3 } arguments }
                    when created.ContainingNamespace?.ToDisplayString() == "System" && arguments.All(a => a.Value.ConstantValue.HasValue):
                    return (Number(arguments[0]) * 3600) + (Number(arguments[1]) * 60) + Number(arguments[2]);
                default:
                    return null;
            }

            static double Number(IArgumentOperation argument) =>
                System.Convert.ToDouble(argument.Value.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
