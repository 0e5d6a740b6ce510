using System.Runtime.InteropServices;

namespace RecSaeExplorer.Engine.Torch;

/// <summary>
/// Gives freed native memory back to the operating system. LibTorch frees tensors into glibc's heap,
/// which keeps the pages: a server that trained and dropped twenty models otherwise stays at its peak
/// (docs/decisions.md). A no-op where glibc is not the C library.
/// </summary>
public static class NativeMemory
{
    /// <summary>Returns free heap pages to the OS; true when any were released.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallocTrim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // musl and other C libraries have no malloc_trim
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
