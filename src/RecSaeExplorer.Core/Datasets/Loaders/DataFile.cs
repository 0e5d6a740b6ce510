using System.Text;
using System.Text.Unicode;

namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>The character encoding a dataset file is documented to use; bytes outside it are rejected.</summary>
internal enum FileEncoding
{
    Ascii,
    Utf8,

    /// <summary>ISO-8859-1. Every byte decodes, so C0/C1 control codes are what betray another encoding.</summary>
    Latin1,
}

/// <summary>Reads a whole dataset file into memory and checks it is non-empty text in its encoding.</summary>
internal static class DataFile
{
    public static byte[] ReadAll(string path, FileEncoding encoding, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Directory.Exists(path)) throw new DatasetFormatException(path, 0, "(file)", "a file", "a folder");
        if (!File.Exists(path)) throw new DatasetFormatException(path, 0, "(file)", "the file to exist");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, 0, "(file)", "a readable file", e.Message, e);
        }
        // A UTF-8 byte order mark is accepted on every file, whatever its documented encoding (editors add one to ASCII files too).
        if (bytes.AsSpan().StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (bytes.Length == 0) throw new DatasetFormatException(path, 0, "(file)", "a non-empty file");
        Validate(path, bytes, encoding);
        return bytes;
    }

    /// <summary>The bytes after a UTF-8 byte order mark, if the file has one.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    public static string Decode(ReadOnlySpan<byte> bytes, FileEncoding encoding) => encoding switch
    {
        FileEncoding.Latin1 => Encoding.Latin1.GetString(bytes),
        _ => Encoding.UTF8.GetString(bytes), // already validated, so nothing is replaced
    };

    private static void Validate(string path, byte[] bytes, FileEncoding encoding)
    {
        int bad = encoding switch
        {
            FileEncoding.Ascii => bytes.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)0x7F),
            FileEncoding.Utf8 => FirstInvalidUtf8(bytes),
            _ => FirstLatin1Control(bytes),
        };
        if (bad < 0) return;
        string expected = encoding switch
        {
            FileEncoding.Ascii => "ASCII text",
            FileEncoding.Utf8 => "UTF-8 text",
            _ => "ISO-8859-1 text without control codes",
        };
        throw new DatasetFormatException(path, LineOf(bytes, bad), "(encoding)", expected, $"byte 0x{bytes[bad]:X2}");
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }

    private static int FirstLatin1Control(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')) || b is >= 0x7F and < 0xA0) return i;
        }
        return -1;
    }

    /// <summary>The 1-based line holding byte <paramref name="offset"/>.</summary>
    public static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
