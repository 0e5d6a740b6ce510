using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>
/// Reads a state dict written outside the product: <c>.safetensors</c>, or a PyTorch <c>torch.save</c>
/// file (<c>.pth</c>, <c>.pt</c>, <c>.bin</c>; zip or legacy pickle), both through TorchSharp.PyBridge.
/// A checkpoint holding the state dict under "state_dict" or "model_state_dict" is opened one level down.
/// </summary>
public static class StateDictFile
{
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path)) throw new InteropException($"No file '{path}'.");
        try
        {
            if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)) return Safetensors.LoadStateDict(path);
            using var stream = File.OpenRead(path);
            return Tensors(PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true), path);
        }
        catch (Exception e) when (e is not InteropException)
        {
            throw new InteropException($"'{Path.GetFileName(path)}' is not a readable state dict ({e.GetType().Name}: {e.Message}).");
        }
    }

    private static Dictionary<string, Tensor> Tensors(Hashtable table, string path)
    {
        foreach (string key in new[] { "state_dict", "model_state_dict", "model" })
        {
            if (table[key] is Hashtable nested) return Tensors(nested, path);
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Value is Tensor t) tensors[(string)entry.Key] = t;
        }
        if (tensors.Count == 0) throw new InteropException($"'{Path.GetFileName(path)}' holds no tensors.");
        return tensors;
    }
}
