namespace RecSaeExplorer.Core.Datasets.Acquisition;

/// <summary>
/// A hidden temporary folder beside a target folder, on the same file system, so that the finished
/// content can be moved into place with one rename. Disposing removes whatever is left of it.
/// </summary>
internal sealed class StagingFolder : IDisposable
{
    private readonly string _target;

    public StagingFolder(string targetFolder)
    {
        _target = Path.GetFullPath(targetFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string parent = Path.GetDirectoryName(_target) ?? throw new ArgumentException("The target folder needs a parent folder.", nameof(targetFolder));
        Directory.CreateDirectory(parent);
        Root = Path.Combine(parent, $".{Path.GetFileName(_target)}.staging-{Guid.NewGuid():N}");
        Content = Path.Combine(Root, "content");
        Directory.CreateDirectory(Content);
    }

    /// <summary>Scratch space (downloads, extraction) that never becomes the target.</summary>
    public string Root { get; }

    /// <summary>What becomes the target folder.</summary>
    public string Content { get; }

    /// <summary>
    /// Makes <see cref="Content"/> the target folder. An existing target is first renamed aside and
    /// only deleted once the new content is in place; if the swap fails it is put back.
    /// </summary>
    public void Commit()
    {
        if (!Directory.Exists(_target))
        {
            Directory.Move(Content, _target);
            return;
        }
        string previous = Path.Combine(Root, "previous");
        Directory.Move(_target, previous);
        try
        {
            Directory.Move(Content, _target);
        }
        catch
        {
            Directory.Move(previous, _target);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden staging folder wastes space but harms nothing; the target is intact.
        }
    }
}
