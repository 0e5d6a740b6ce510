namespace RecSaeExplorer.Engine.Interop;

/// <summary>An exported or foreign model does not fit what it is being bound to (shapes, names, dimensions).</summary>
public sealed class InteropException(string message) : Exception(message);
