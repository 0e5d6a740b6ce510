using System.Security.Cryptography;
using System.Text;

namespace RecSaeExplorer.Engine.Accounts;

/// <summary>
/// Per-account bearer tokens for the HTTP API: 256 random bits, shown once; the store keeps only their
/// SHA-256, so a copy of the store does not hand out working tokens.
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "rsx_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
