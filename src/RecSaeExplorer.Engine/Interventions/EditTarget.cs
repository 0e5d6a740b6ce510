namespace RecSaeExplorer.Engine.Interventions;

/// <summary>
/// Whose codes an audience edit changes (METHOD.md §6: "z_k ≤ 0 on users (or items)"). Editing items
/// changes the catalogue for everyone; the audience is still whose lists are measured.
/// </summary>
[Flags]
public enum EditTarget
{
    /// <summary>The audience's user codes.</summary>
    Users = 1,

    /// <summary>Every item's code (a catalogue-wide filter).</summary>
    Items = 2,

    /// <summary>The audience's user codes and every item's code.</summary>
    Both = Users | Items,
}
