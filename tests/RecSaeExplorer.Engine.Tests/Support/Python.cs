using System.Diagnostics;

namespace RecSaeExplorer.Engine.Tests.Support;

/// <summary>
/// A Python 3 with numpy, for the tests that check exports with an independent reader: $RECSAE_PYTHON,
/// else python3 on the PATH, else the system interpreter (a pyenv shim on the PATH may lack numpy).
/// </summary>
internal static class Python
{
    private static readonly Lazy<string?> Found = new(() =>
        new[] { Environment.GetEnvironmentVariable("RECSAE_PYTHON"), "python3", "/usr/bin/python3" }
            .Where(c => !string.IsNullOrEmpty(c)).FirstOrDefault(c => Run(c!, ["-c", "import numpy"]).ExitCode == 0));

    public static string? Interpreter => Found.Value;

    private static readonly Lazy<bool> TorchFound = new(() => Found.Value is { } python && Run(python, ["-c", "import torch"]).ExitCode == 0);

    /// <summary>Whether that Python also has PyTorch.</summary>
    public static bool HasTorch => TorchFound.Value;

    /// <summary>Runs the interpreter with <paramref name="args"/>; exit code and both outputs.</summary>
    public static (int ExitCode, string Output) Run(string interpreter, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>A fact that reports itself skipped where no Python 3 with numpy is available.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (Python.Interpreter is null) Skip = "No Python 3 with numpy (set RECSAE_PYTHON, or apt-get install python3-numpy).";
    }
}

/// <summary>A theory that reports itself skipped where no Python 3 with PyTorch is available.</summary>
public sealed class PyTorchTheoryAttribute : TheoryAttribute
{
    public PyTorchTheoryAttribute()
    {
        if (!Python.HasTorch) Skip = "No Python 3 with PyTorch (apt-get install python3-torch).";
    }
}
