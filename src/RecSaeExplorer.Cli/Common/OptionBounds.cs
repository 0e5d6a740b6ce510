using System.CommandLine;
using RecSaeExplorer.Engine.Validation;

namespace RecSaeExplorer.Cli.Common;

/// <summary>
/// Attaches an <see cref="InputBounds"/> check to an option, so a value out of bounds is a parse error
/// (exit 2, naming the option) before any dataset or model is loaded.
/// </summary>
internal static class OptionBounds
{
    public static Option<T> Bounded<T>(this Option<T> option, Action<T, string> check)
    {
        option.Validators.Add(result =>
        {
            try
            {
                check(result.GetValueOrDefault<T>(), option.Name);
            }
            catch (BoundsException e)
            {
                result.AddError(e.Message);
            }
        });
        return option;
    }
}
