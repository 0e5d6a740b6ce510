using System.Runtime.CompilerServices;
using System.Text;

namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Reads a separated text file (the '::' .dat files of ML-1M, the tab-separated HetRec files) line by
/// line over a byte buffer, with an exact field count. Every problem becomes a
/// <see cref="DatasetFormatException"/> naming the file, line and field.
/// </summary>
internal ref struct DelimitedReader
{
    public const int MaxFields = 8;
    private const int CancellationCheckInterval = 1 << 16;

    private LineCursor _lines;
    private RangeBuffer _fields;
    private readonly ReadOnlySpan<byte> _separator;
    private readonly string _separatorText;
    private readonly string[] _fieldNames;
    private readonly CancellationToken _cancellationToken;
    private readonly FileEncoding _encoding;

    public DelimitedReader(string file, ReadOnlySpan<byte> text, FileEncoding encoding, ReadOnlySpan<byte> separator,
        string[] fieldNames, CancellationToken cancellationToken)
    {
        if (fieldNames.Length > MaxFields) throw new ArgumentException($"At most {MaxFields} fields.", nameof(fieldNames));
        File = file;
        _lines = new LineCursor(text);
        _encoding = encoding;
        _separator = separator;
        _separatorText = separator.SequenceEqual("\t"u8) ? "tab" : $"'{Encoding.ASCII.GetString(separator)}'";
        _fieldNames = fieldNames;
        _cancellationToken = cancellationToken;
    }

    public string File { get; }

    /// <summary>The 1-based line of the current record.</summary>
    public readonly int Line => _lines.LineNumber;

    /// <summary>Field <paramref name="index"/> of the current record.</summary>
    public readonly ReadOnlySpan<byte> this[int index] => _lines.Current[_fields[index]];

    /// <summary>Checks that the first line is exactly <paramref name="header"/> (HetRec files have one).</summary>
    public void ReadHeader(string header)
    {
        if (!_lines.MoveNext()) throw new DatasetFormatException(File, 1, "(header)", $"the header '{Printable(header)}'", "an empty file");
        if (!_lines.Current.SequenceEqual(Encoding.ASCII.GetBytes(header)))
            throw new DatasetFormatException(File, Line, "(header)", $"the header '{Printable(header)}'", Printable(Decode(_lines.Current)));
    }

    /// <summary>Moves to the next record and splits it; false at the end of the file.</summary>
    public bool Read()
    {
        if (!_lines.MoveNext()) return false;
        if (_lines.LineNumber % CancellationCheckInterval == 0) _cancellationToken.ThrowIfCancellationRequested();
        Split(_lines.Current);
        return true;
    }

    public readonly int Id(int field) =>
        TryParseDigits(this[field], out long value) && value <= int.MaxValue ? (int)value : throw Error(field, "a non-negative integer id");

    public readonly int Int(int field, string expected) =>
        TryParseDigits(this[field], out long value) && value <= int.MaxValue ? (int)value : throw Error(field, expected);

    public readonly long Long(int field, string expected) =>
        TryParseDigits(this[field], out long value) ? value : throw Error(field, expected);

    public readonly string Text(int field) => Decode(this[field]);

    /// <summary>An error about field <paramref name="field"/> of the current line, quoting what was there.</summary>
    public readonly DatasetFormatException Error(int field, string expected) =>
        new(File, Line, _fieldNames[field], expected, Decode(this[field]));

    private readonly string Decode(ReadOnlySpan<byte> bytes) => DataFile.Decode(bytes, _encoding);

    private void Split(ReadOnlySpan<byte> line)
    {
        int start = 0;
        for (int i = 0; i < _fieldNames.Length - 1; i++)
        {
            int at = line[start..].IndexOf(_separator);
            if (at < 0) throw FieldCountError(line);
            _fields[i] = new Range(start, start + at);
            start += at + _separator.Length;
        }
        if (line[start..].IndexOf(_separator) >= 0) throw FieldCountError(line);
        _fields[_fieldNames.Length - 1] = new Range(start, line.Length);
    }

    private readonly DatasetFormatException FieldCountError(ReadOnlySpan<byte> line)
    {
        int found = CountOf(line, _separator) + 1;
        return new DatasetFormatException(File, Line, "(line)",
            $"{_fieldNames.Length} fields ({string.Join(", ", _fieldNames)}) separated by {_separatorText}",
            $"{found} field{(found == 1 ? "" : "s")}: {Decode(line)}");
    }

    private static int CountOf(ReadOnlySpan<byte> line, ReadOnlySpan<byte> separator)
    {
        int count = 0;
        for (int at; (at = line.IndexOf(separator)) >= 0; line = line[(at + separator.Length)..]) count++;
        return count;
    }

    /// <summary>Digits only: no sign, no spaces, at most 18 digits so a long cannot overflow.</summary>
    public static bool TryParseDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18) return false;
        foreach (byte b in text)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    private static string Printable(string s) => s.Replace("\t", "\\t");

    [InlineArray(MaxFields)]
    private struct RangeBuffer
    {
        private Range _element;
    }
}
