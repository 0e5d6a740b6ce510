using System.Diagnostics;
using LiteDB;

namespace RecSaeExplorer.Engine.Runs.Integrity;

/// <summary>
/// Turns a failure inside LiteDB into a <see cref="StoreException"/> naming the file: a damaged page
/// surfaces as anything from "Page type must be data page: {0}" to a DateTime range error, none of
/// which tells the user that the store is damaged. Exceptions of the product's own code pass through.
/// </summary>
internal static class StoreGuard
{
    private static readonly System.Reflection.Assembly LiteDbAssembly = typeof(LiteDatabase).Assembly;

    public static T Run<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (IsFromLiteDb(ex))
        {
            throw Translate(path, ex);
        }
    }

    public static void Run(string path, Action action) => Run(path, () => { action(); return 0; });

    public static bool IsFromLiteDb(Exception ex) =>
        ex is not StoreException && (ex is LiteException || new StackTrace(ex, false).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == LiteDbAssembly));

    private static StoreException Translate(string path, Exception ex) => ex switch
    {
        // Another process holds LiteDB's lock longer than its timeout: busy, not damaged.
        LiteException { ErrorCode: LiteException.LOCK_TIMEOUT } => new StoreException(path, StoreProblem.Busy,
            $"The store '{path}' is busy (another process held its lock too long); try again.", ex),
        _ => StoreException.Damaged(path, $"LiteDB: {ex.Message.ReplaceLineEndings(" ")}", ex),
    };
}
