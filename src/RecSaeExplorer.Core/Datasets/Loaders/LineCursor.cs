namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Walks the lines of a file held in memory without allocating. Accepts LF and CRLF endings, skips a
/// UTF-8 byte order mark and empty lines (they carry nothing), and counts lines 1-based as editors do.
/// </summary>
internal ref struct LineCursor(ReadOnlySpan<byte> text)
{
    private ReadOnlySpan<byte> _rest = DataFile.WithoutBom(text);

    /// <summary>The line <see cref="Current"/> is on (1-based).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The current line without its line break.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            int newline = _rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? _rest : _rest[..newline];
            _rest = newline < 0 ? default : _rest[(newline + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            LineNumber++;
            if (line.IsEmpty) continue;
            Current = line;
            return true;
        }
        return false;
    }
}
