namespace RagSafety.Analyzers.Program
{
    /// <summary>The kinds of code the framework runs once per HTTP request or hub/gRPC call.</summary>
    internal enum HandlerKind
    {
        None,
        MinimalApi,
        ControllerAction,
        RazorPageHandler,
        SignalRHubMethod,
        GrpcServiceMethod,
        AzureFunction,
    }
}
