using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>How the tasks of a fan-out are produced.</summary>
    internal enum FanOutShape
    {
        /// <summary><c>items.Select(x => CallAsync(x))</c>, possibly materialised or held in a local.</summary>
        Projection,

        /// <summary><c>from x in items select CallAsync(x)</c>.</summary>
        QueryProjection,

        /// <summary>A <c>foreach</c>/<c>for</c> loop that adds one task per item to a list.</summary>
        Loop,
    }

    /// <summary>One AI call (or index write) started for every item of a sequence and combined by <c>Task.WhenAll/WhenAny/WhenEach</c>.</summary>
    internal sealed class FanOut
    {
        public FanOut(IInvocationOperation combinator, CallChain call, IOperation sequence, FanOutShape shape, IInvocationOperation? select, IOperation? selector, ILocalSymbol? local)
        {
            Combinator = combinator;
            Call = call;
            Sequence = sequence;
            Shape = shape;
            Select = select;
            Selector = selector;
            Local = local;
        }

        public IInvocationOperation Combinator { get; }

        /// <summary>The call started per item: a catalogued API, or the chain from the app's method to one.</summary>
        public CallChain Call { get; }

        /// <summary>The sequence the fan-out ranges over (the projection's source, the loop's collection or bound).</summary>
        public IOperation Sequence { get; }

        public FanOutShape Shape { get; }

        /// <summary>The <c>Select</c> call of a projection.</summary>
        public IInvocationOperation? Select { get; }

        /// <summary>The projection's selector: an <see cref="IAnonymousFunctionOperation"/> or an <see cref="IMethodReferenceOperation"/>.</summary>
        public IOperation? Selector { get; }

        /// <summary>The local that holds the projection, when the combinator receives a local.</summary>
        public ILocalSymbol? Local { get; }

        /// <summary>The sequence as written, on one line and shortened for a message.</summary>
        public string SequenceText
        {
            get
            {
                var syntax = Sequence.Syntax;
                if (Shape == FanOutShape.QueryProjection && Select?.Syntax.FirstAncestorOrSelf<QueryExpressionSyntax>() is { } query)
                {
                    syntax = query.FromClause.Expression;
                }

                var text = Regex.Replace(syntax.ToString(), @"\s+", " ");
                return text.Length <= 60 ? text : text.Substring(0, 59) + "…";
            }
        }
    }

    /// <summary>
    /// Finds unbounded fan-outs: the tasks given to <c>Task.WhenAll/WhenAny/WhenEach</c> are produced for every element of a
    /// sequence whose size depends on data, each task is an AI call or index write (directly or through the app's methods),
    /// and nothing bounds how many run at once (a throttle acquired per item, constant-size batches, a small fixed collection).
    /// </summary>
    internal sealed class FanOutFinder
    {
        private const int MaxLocalHops = 2;

        private readonly RagSafetyContext _rag;
        private readonly Throttles _throttles;
        private readonly int _smallCollection;
        private readonly INamedTypeSymbol? _enumerable;

        public FanOutFinder(Compilation compilation, RagSafetyContext rag, Throttles throttles, int smallCollection)
        {
            _rag = rag;
            _throttles = throttles;
            _smallCollection = smallCollection;
            _enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        }

        /// <summary>Whether the operation is <c>Task.WhenAll</c>, <c>Task.WhenAny</c> or <c>Task.WhenEach</c>.</summary>
        public static bool IsCombinator(IInvocationOperation invocation, TaskTypes taskTypes) =>
            invocation.TargetMethod is { IsStatic: true, Name: "WhenAll" or "WhenAny" or "WhenEach" } method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, taskTypes.Task);

        public FanOut? Find(IInvocationOperation combinator)
        {
            // One sequence argument; Task.WhenAll(a, b, c) lists a fixed number of tasks.
            if (combinator.Arguments.Length != 1 || combinator.Arguments[0] is not { ArgumentKind: ArgumentKind.Explicit } argument)
            {
                return null;
            }

            return FromTasks(argument.Value, combinator, MaxLocalHops, local: null);
        }

        private FanOut? FromTasks(IOperation tasks, IInvocationOperation combinator, int hopsLeft, ILocalSymbol? local)
        {
            var query = false;
            var operation = WithoutMaterialization(tasks, ref query);
            switch (operation)
            {
                case IInvocationOperation select when IsEnumerable(select.TargetMethod, "Select") && select.Arguments.Length == 2:
                    return FromProjection(select, combinator, query ? FanOutShape.QueryProjection : FanOutShape.Projection, local);

                case ILocalReferenceOperation reference when hopsLeft > 0 && AiOrigin.InitializerOf(reference) is { } initializer:
                    return IsEmptyCollection(initializer)
                        ? FromLoop(reference.Local, combinator)
                        : FromTasks(initializer, combinator, hopsLeft - 1, reference.Local);

                default:
                    return null;
            }
        }

        private FanOut? FromProjection(IInvocationOperation select, IInvocationOperation combinator, FanOutShape shape, ILocalSymbol? local)
        {
            var source = select.Arguments[0].Value;
            if (select.Arguments[1].Value.WithoutConversions() is not IDelegateCreationOperation { Target: var selector })
            {
                return null;
            }

            CallChain? call;
            switch (selector)
            {
                case IAnonymousFunctionOperation function:
                    // The first call in the selector that is, or reaches, an AI call or index write.
                    var invocation = function.Body.Descendants().OfType<IInvocationOperation>()
                        .FirstOrDefault(i => AiOrigin.ChainOf(i.TargetMethod, _rag, includeIndexWrites: true) is not null);
                    if (invocation is null)
                    {
                        return null;
                    }

                    call = AiOrigin.ChainOf(invocation.TargetMethod, _rag, includeIndexWrites: true)!;
                    if (_throttles.AcquiredIn(function.Body, invocation.Syntax.SpanStart))
                    {
                        return null;
                    }

                    break;

                case IMethodReferenceOperation reference:
                    call = AiOrigin.ChainOf(reference.Method, _rag, includeIndexWrites: true);
                    if (call is null)
                    {
                        return null;
                    }

                    break;

                default:
                    return null;
            }

            if (_throttles.AcquiredAlong(call) || IsBounded(source, combinator))
            {
                return null;
            }

            return new FanOut(combinator, call, source, shape, select, selector, local);
        }

        private FanOut? FromLoop(ILocalSymbol list, IInvocationOperation combinator)
        {
            var root = combinator.Root();
            foreach (var add in root.Descendants().OfType<IInvocationOperation>())
            {
                if (add.TargetMethod.Name != "Add" || add.Instance is null || !add.Instance.IsReferenceTo(list) || add.Arguments.Length != 1
                    || EnclosingLoop(add) is not { } loop
                    || loop.Syntax.Span.Contains(combinator.Syntax.Span)
                    || AiOrigin.FindChain(add.Arguments[0].Value, _rag, includeIndexWrites: true) is not { } call)
                {
                    continue;
                }

                if (_throttles.AcquiredIn(loop.Body) || _throttles.AcquiredAlong(call) || DrainsInLoop(loop, list))
                {
                    return null;
                }

                IOperation? sequence = loop switch
                {
                    IForEachLoopOperation forEach => forEach.Collection.WithoutConversions(),
                    IForLoopOperation { Condition: IBinaryOperation { OperatorKind: BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual } condition } =>
                        condition.RightOperand.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Count" or "Length", Instance: { } counted }
                            ? counted
                            : condition.RightOperand.WithoutConversions(),
                    _ => null,
                };

                if (sequence is null || IsBounded(sequence, combinator) || (sequence.ConstantValue.HasValue && sequence.ConstantValue.Value is int bound && bound <= _smallCollection))
                {
                    return null;
                }

                return new FanOut(combinator, call, sequence, FanOutShape.Loop, select: null, selector: null, local: list);
            }

            return null;
        }

        /// <summary>
        /// Manual batching or a sliding window: the loop body awaits a <c>WhenAll</c>/<c>WhenAny</c>, or takes tasks out of the
        /// list again (<c>Clear</c>, <c>Remove…</c>), so the list never holds every item's task at once.
        /// </summary>
        private static bool DrainsInLoop(ILoopOperation loop, ILocalSymbol list) =>
            loop.Body.Descendants().Any(o => o switch
            {
                IAwaitOperation awaited => awaited.Operation.UnderlyingTask() is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" or "WhenAny" } },
                IInvocationOperation { TargetMethod.Name: "Clear" or "Remove" or "RemoveAt" or "RemoveAll" or "RemoveRange", Instance: { } instance } => instance.IsReferenceTo(list),
                _ => false,
            });

        /// <summary>The <c>foreach</c>/<c>for</c> loop around the operation within its own function, or null.</summary>
        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IForEachLoopOperation { IsAsynchronous: false } or IForLoopOperation:
                        return (ILoopOperation)current;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>A sequence whose size is bounded: a small fixed collection, or one batch of a sequential batching loop.</summary>
        private bool IsBounded(IOperation sequence, IInvocationOperation combinator) =>
            IsSmallFixed(sequence, MaxLocalHops) || IsBatch(sequence, combinator, MaxLocalHops);

        private bool IsSmallFixed(IOperation sequence, int hopsLeft)
        {
            switch (sequence.WithoutConversions())
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return initializer.ElementValues.Length <= _smallCollection;

                case ICollectionExpressionOperation collection:
                    return !collection.Elements.Any(e => e is ISpreadOperation) && collection.Elements.Length <= _smallCollection;

                case IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation initializer } creation:
                    // new List<T> { a, b } (a capacity argument is fine, a source collection is not).
                    return creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32)
                        && initializer.Initializers.Length <= _smallCollection;

                case IInvocationOperation invocation when IsEnumerable(invocation.TargetMethod):
                    switch (invocation.TargetMethod.Name)
                    {
                        case "Range" when invocation.Arguments.Length == 2:
                            return IsSmallConstant(invocation.Arguments[1].Value);
                        case "Repeat" when invocation.Arguments.Length == 2:
                            return IsSmallConstant(invocation.Arguments[1].Value);
                        case "Take" when invocation.Arguments.Length == 2 && IsSmallConstant(invocation.Arguments[1].Value):
                            return true;
                        case "Where" or "ToList" or "ToArray" or "AsEnumerable" or "Distinct" or "OrderBy" or "OrderByDescending" or "Skip" or "Take" or "Select"
                            when invocation.Arguments.Length >= 1:
                            return IsSmallFixed(invocation.Arguments[0].Value, hopsLeft);
                        default:
                            return false;
                    }

                case ILocalReferenceOperation reference when hopsLeft > 0 && AiOrigin.InitializerOf(reference) is { } initializer:
                    return !IsGrown(reference) && IsSmallFixed(initializer, hopsLeft - 1);

                case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                    return IsSmallFixedField(field);

                default:
                    return false;
            }
        }

        /// <summary>
        /// A readonly field whose collection is written out where it is set: <c>static readonly string[] Prompts = { "a", "b" };</c>,
        /// or a collection written out in every constructor assignment (<c>_names = new List&lt;string&gt; { a, b, c };</c>); for a
        /// type other than an array, nothing in its type adds to it. Read from the syntax of the field's type only.
        /// </summary>
        private bool IsSmallFixedField(IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax declarator)
            {
                return false;
            }

            if (declarator.Initializer?.Value is { } initial)
            {
                return SyntacticElementCount(initial) is { } count && count <= _smallCollection && (field.Type is IArrayTypeSymbol || !IsGrownInType(field, declarator));
            }

            // Assigned in constructors: every assignment must be a collection written out, and there must be one.
            var assigned = false;
            foreach (var type in declarator.Ancestors().OfType<TypeDeclarationSyntax>().Take(1))
            {
                foreach (var constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
                {
                    foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        if (!NamesField(assignment.Left, field.Name))
                        {
                            continue;
                        }

                        if (SyntacticElementCount(assignment.Right) is not { } count || count > _smallCollection)
                        {
                            return false;
                        }

                        assigned = true;
                    }
                }
            }

            return assigned && (field.Type is IArrayTypeSymbol || !IsGrownInType(field, declarator));
        }

        /// <summary>Whether code in the field's type calls <c>Add</c>, <c>AddRange</c>, <c>Insert</c>, … on it (by name, from the syntax).</summary>
        private static bool IsGrownInType(IFieldSymbol field, SyntaxNode declarator) =>
            declarator.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } type
            || type.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i =>
                i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange" or "Insert" or "InsertRange" or "Enqueue" or "Push" } access
                && NamesField(access.Expression, field.Name));

        private static bool NamesField(ExpressionSyntax expression, string name) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText == name,
            _ => false,
        };

        private bool IsSmallConstant(IOperation value) =>
            value.ConstantValue.HasValue && value.ConstantValue.Value is int count && count <= _smallCollection;

        private static int? SyntacticElementCount(ExpressionSyntax value) => value switch
        {
            InitializerExpressionSyntax initializer => initializer.Expressions.Count,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
            ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions.Count,
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation
                when initializer.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionInitializerExpression)
                    && (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0) => initializer.Expressions.Count,
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements.Count,
            _ => null,
        };

        /// <summary>Whether items are added to the local's collection after it is created.</summary>
        private static bool IsGrown(ILocalReferenceOperation reference) =>
            reference.Root().Descendants().OfType<IInvocationOperation>().Any(i =>
                i.TargetMethod.Name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Enqueue" or "Push"
                && i.Instance is not null && i.Instance.IsReferenceTo(reference.Local));

        /// <summary>
        /// One batch of a sequential batching loop: the iteration variable of a <c>foreach</c> over <c>Chunk(n)</c>, or a
        /// <c>Take(n)</c>/<c>GetRange(i, n)</c> slice, where the combined task is awaited before the next batch starts.
        /// </summary>
        private bool IsBatch(IOperation sequence, IInvocationOperation combinator, int hopsLeft)
        {
            var operation = sequence.WithoutConversions();
            while (operation is IInvocationOperation { TargetMethod.Name: "Where" or "ToList" or "ToArray" or "AsEnumerable" } step
                && IsEnumerable(step.TargetMethod) && step.Arguments.Length >= 1)
            {
                operation = step.Arguments[0].Value.WithoutConversions();
            }

            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Take" } take when IsEnumerable(take.TargetMethod):
                    return IsAwaitedInLoop(combinator);

                case IInvocationOperation { TargetMethod.Name: "GetRange", Arguments.Length: 2 }:
                    return IsAwaitedInLoop(combinator);

                case IInvocationOperation { TargetMethod.Name: "Range", Arguments.Length: 2 } range when IsEnumerable(range.TargetMethod):
                    // Enumerable.Range(0, Math.Min(batchSize, remaining)) awaited in a loop: one batch at a time.
                    return IsMinimum(range.Arguments[1].Value, MaxLocalHops) && IsAwaitedInLoop(combinator);

                case ILocalReferenceOperation reference:
                    for (var current = combinator.Parent; current is not null; current = current.Parent)
                    {
                        if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                        {
                            break;
                        }

                        if (current is IForEachLoopOperation loop && loop.Locals.Contains(reference.Local, SymbolEqualityComparer.Default))
                        {
                            return IsChunked(loop.Collection, MaxLocalHops) && IsAwaited(combinator);
                        }
                    }

                    return hopsLeft > 0 && AiOrigin.InitializerOf(reference) is { } initializer && IsBatch(initializer, combinator, hopsLeft - 1);

                default:
                    return false;
            }
        }

        /// <summary><c>items.Chunk(n)</c>, materialised or not, also held in a local (<c>var batches = items.Chunk(16);</c>).</summary>
        private bool IsChunked(IOperation collection, int hopsLeft)
        {
            var query = false;
            switch (WithoutMaterialization(collection, ref query))
            {
                case IInvocationOperation { TargetMethod.Name: "Chunk" } chunk:
                    return IsEnumerable(chunk.TargetMethod);
                case ILocalReferenceOperation reference when hopsLeft > 0 && AiOrigin.InitializerOf(reference) is { } initializer:
                    return IsChunked(initializer, hopsLeft - 1);
                default:
                    return false;
            }
        }

        /// <summary><c>Math.Min(…)</c>, also held in a local: a count capped by the code.</summary>
        private static bool IsMinimum(IOperation value, int hopsLeft) => value.WithoutConversions() switch
        {
            IInvocationOperation { TargetMethod: { Name: "Min", IsStatic: true, ContainingType: { Name: "Math", ContainingNamespace.Name: "System" } } } => true,
            ILocalReferenceOperation reference when hopsLeft > 0 && AiOrigin.InitializerOf(reference) is { } initializer => IsMinimum(initializer, hopsLeft - 1),
            _ => false,
        };

        private static bool IsAwaitedInLoop(IInvocationOperation combinator) => IsAwaited(combinator) && EnclosingLoopAny(combinator);

        private static bool EnclosingLoopAny(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The <c>await</c> of the combined task (through <c>ConfigureAwait</c>), or null.</summary>
        public static IAwaitOperation? AwaitOf(IInvocationOperation combinator)
        {
            IOperation current = combinator;
            while (current.Parent is IConversionOperation or IParenthesizedOperation
                || (current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current))
            {
                current = current.Parent;
            }

            return current.Parent as IAwaitOperation;
        }

        private static bool IsAwaited(IInvocationOperation combinator) => AwaitOf(combinator) is not null;

        private static bool IsEmptyCollection(IOperation initializer) => initializer.WithoutConversions() switch
        {
            IObjectCreationOperation { Initializer: null or { Initializers.Length: 0 } } creation =>
                creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32),
            ICollectionExpressionOperation { Elements.Length: 0 } => true,
            _ => false,
        };

        private IOperation WithoutMaterialization(IOperation operation, ref bool query)
        {
            while (true)
            {
                operation = operation.WithoutConversions();
                switch (operation)
                {
                    case ITranslatedQueryOperation translated:
                        query = true;
                        operation = translated.Operation;
                        break;
                    case IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable", Arguments.Length: 1 } materialize
                        when IsEnumerable(materialize.TargetMethod):
                        operation = materialize.Arguments[0].Value;
                        break;
                    default:
                        return operation;
                }
            }
        }

        private bool IsEnumerable(IMethodSymbol method, string? name = null) =>
            (name is null || method.Name == name)
            && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, _enumerable);
    }
}
