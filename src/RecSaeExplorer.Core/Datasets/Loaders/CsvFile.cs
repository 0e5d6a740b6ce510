using CsvHelper;

namespace RecSaeExplorer.Core.Datasets.Loaders;

/// <summary>
/// Reads a comma-separated file with a fixed header through CsvHelper, record by record, and turns
/// every CsvHelper complaint into a <see cref="DatasetFormatException"/> with file, line and column.
/// </summary>
internal static class CsvFile
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow, // checked per record below, for a clearer message
        TrackLineNumbers = true,
        DetectSeparatorHint = false,
    };

    /// <summary>
    /// Calls <paramref name="accept"/> with each record and its 1-based line.
    /// <paramref name="expectations"/> says, per column, what a valid value is (for error messages).
    /// </summary>
    public static void ForEach<T>(string path, byte[] bytes, string[] header, IReadOnlyDictionary<string, string> expectations,
        Action<T, int> accept, CancellationToken cancellationToken)
    {
        using var csv = CsvReader.Create(bytes, Options);
        int line = 1;
        try
        {
            CheckHeader(path, csv, header);
            while (csv.Read())
            {
                line = (int)csv.LineNumber;
                if (csv.RowNumber % 8192 == 0) cancellationToken.ThrowIfCancellationRequested();
                if (csv.FieldCount != header.Length)
                    throw new DatasetFormatException(path, line, "(line)", $"{header.Length} comma-separated fields ({string.Join(",", header)})",
                        $"{csv.FieldCount} field{(csv.FieldCount == 1 ? "" : "s")}: {System.Text.Encoding.UTF8.GetString(csv.RawRecord)}");
                accept(csv.GetRecord<T>(), line);
            }
        }
        catch (CsvFormatException e)
        {
            throw Translate(path, csv, e, line, header, expectations);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new DatasetFormatException(path, line, "(line)", "values of the column types", e.Message, e);
        }
    }

    private static void CheckHeader(string path, CsvReader csv, string[] header)
    {
        var found = csv.Headers;
        if (found.Count == header.Length && found.SequenceEqual(header, StringComparer.Ordinal)) return;
        throw new DatasetFormatException(path, 1, "(header)", $"the header '{string.Join(",", header)}'", string.Join(",", found));
    }

    private static DatasetFormatException Translate(string path, CsvReader csv, CsvFormatException e, int line, string[] header,
        IReadOnlyDictionary<string, string> expectations)
    {
        int at = e.LineNumber > 0 ? (int)e.LineNumber : line;
        if (e.FieldIndex >= 0 && e.FieldIndex < header.Length)
        {
            string column = header[e.FieldIndex];
            return new DatasetFormatException(path, at, column, expectations.GetValueOrDefault(column, "a valid value"), FieldText(csv, e.FieldIndex), e);
        }
        // Malformed quoting: CsvHelper's message says what; drop its own "record n (line n):" prefix.
        string what = e.Message.IndexOf("): ", StringComparison.Ordinal) is var colon and >= 0 ? e.Message[(colon + 3)..] : e.Message;
        return new DatasetFormatException(path, at, "(line)", "well-formed CSV (RFC 4180 quoting)", what, e);
    }

    /// <summary>The raw text of a field that failed to map; the reader is still on its record.</summary>
    private static string? FieldText(CsvReader csv, int field)
    {
        try
        {
            return csv.GetString(field);
        }
        catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            return null;
        }
    }
}
