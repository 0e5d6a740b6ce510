using System.Text.Json;
using System.Text.Json.Serialization;
using RecSaeExplorer.Core.Datasets;

namespace RecSaeExplorer.Engine.Interop;

/// <summary>
/// <c>ids.json</c> beside an export: row r of every user tensor is user <c>users[r]</c> of the dataset's own id
/// space (MovieLens userId, Last.FM userID), likewise for items, so a notebook can line tensors up with the
/// original files. Titles are included for convenience.
/// </summary>
public sealed record IdMaps(
    [property: JsonPropertyName("users")] int[] Users,
    [property: JsonPropertyName("items")] int[] Items,
    [property: JsonPropertyName("item_titles")] string[] ItemTitles)
{
    public const string FileName = "ids.json";

    public static IdMaps Of(Dataset dataset) => new(
        dataset.Users.Select(u => u.Id).ToArray(),
        dataset.Items.Select(i => i.Id).ToArray(),
        dataset.Items.Select(i => i.Title).ToArray());

    public string Write(string folder)
    {
        string path = Path.Combine(folder, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this));
        return path;
    }
}
