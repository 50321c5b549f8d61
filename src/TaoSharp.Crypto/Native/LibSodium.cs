using System.Runtime.InteropServices;

namespace TaoSharp.Crypto.Native;

/// <summary>
/// Raw P/Invoke declarations for the libsodium shipped with NSec.Cryptography (the "libsodium" NuGet
/// package's native asset). Only the ristretto255 group and scalar functions sr25519 needs are bound.
/// Callers go through <see cref="Ristretto255"/>, which validates lengths and calls <see cref="EnsureInitialized"/>.
/// </summary>
internal static unsafe partial class LibSodium
{
    private const string Library = "libsodium";

    internal const int PointBytes = 32;
    internal const int ScalarBytes = 32;
    internal const int NonReducedScalarBytes = 64;

    // sodium_init is idempotent and thread-safe; a static constructor runs it exactly once per process.
    static LibSodium()
    {
        if (sodium_init() < 0)
        {
            throw new InvalidOperationException("libsodium failed to initialize (sodium_init returned -1).");
        }
    }

    /// <summary>Touching this forces the static constructor (and therefore sodium_init) to run.</summary>
    internal static void EnsureInitialized()
    {
    }

    [LibraryImport(Library)]
    private static partial int sodium_init();

    [LibraryImport(Library)]
    internal static partial int crypto_scalarmult_ristretto255_base(byte* q, byte* n);

    [LibraryImport(Library)]
    internal static partial int crypto_scalarmult_ristretto255(byte* q, byte* n, byte* p);

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_is_valid_point(byte* p);

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_add(byte* r, byte* p, byte* q);

    [LibraryImport(Library)]
    internal static partial int crypto_core_ristretto255_sub(byte* r, byte* p, byte* q);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_reduce(byte* r, byte* s);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_add(byte* z, byte* x, byte* y);

    [LibraryImport(Library)]
    internal static partial void crypto_core_ristretto255_scalar_mul(byte* z, byte* x, byte* y);
}
