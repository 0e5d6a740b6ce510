using CsvHelper;

namespace RecSaeExplorer.Engine.Sae.Sweeps;

/// <summary>Writes sweep rows as CSV (CsvHelper 34; the header comes from <see cref="SweepRow"/>).</summary>
public static class SweepCsv
{
    public static void Write(TextWriter writer, IEnumerable<SweepRow> rows)
    {
        using var csv = CsvWriter.Create(writer, null, true);
        csv.WriteRecords(rows);
    }

    public static void Write(string path, IEnumerable<SweepRow> rows)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        string temp = path + ".tmp";
        using (var writer = new StreamWriter(temp)) Write(writer, rows);
        File.Move(temp, path, overwrite: true);
    }
}
