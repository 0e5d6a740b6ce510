using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using RecSaeExplorer.Core.Datasets;
using RecSaeExplorer.Core.Hosting;
using Spectre.Console;

namespace RecSaeExplorer.Cli.Common;

/// <summary>What a command needs from the parsed global options: paths, catalog, console and output format.</summary>
public sealed class CliContext
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public CliContext(ParseResult parse, TextWriter output, TextWriter error, IAnsiConsole console)
    {
        _out = output;
        _error = error;
        Console = console;
        Paths = ProductPaths.Discover();
        Catalog = new DatasetCatalog(Paths);
        DatasetName = parse.GetValue(GlobalOptions.Dataset) ?? DatasetCatalog.DefaultName;
        DataDir = parse.GetValue(GlobalOptions.DataDir)?.FullName;
        StorePath = parse.GetValue(GlobalOptions.Store)?.FullName ?? Paths.StorePath;
        Json = parse.GetValue(GlobalOptions.Json);
    }

    public ProductPaths Paths { get; }
    public DatasetCatalog Catalog { get; }
    public IAnsiConsole Console { get; }
    public string DatasetName { get; }
    public string? DataDir { get; }
    public string StorePath { get; }
    public bool Json { get; }

    /// <summary>Loads the dataset the options name, with a spinner unless output is JSON.</summary>
    public Dataset LoadDataset(CancellationToken cancellationToken) => LoadDataset(DatasetName, cancellationToken);

    /// <summary>Loads <paramref name="name"/> (e.g. the dataset a stored run was trained on), honouring --data-dir.</summary>
    public Dataset LoadDataset(string name, CancellationToken cancellationToken)
    {
        if (Json) return Catalog.Load(name, DataDir, cancellationToken);
        return Console.Status().Start($"Loading {name}...", _ => Catalog.Load(name, DataDir, cancellationToken));
    }

    /// <summary>Writes a progress or status line to standard error, so standard output stays clean for --json.</summary>
    public void Log(string message) => _error.WriteLine(message);

    /// <summary>Writes one JSON document to standard output.</summary>
    public void WriteJson<T>(T value) => _out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
