using System.Security.Cryptography;

namespace TaoSharp.Crypto.Native;

/// <summary>
/// Safe span-based wrappers over libsodium's ristretto255 group and scalar arithmetic.
/// Points are 32-byte canonical ristretto255 encodings; scalars are 32-byte little-endian integers mod ℓ.
/// The identity point is encoded as 32 zero bytes; libsodium's scalar multiplications refuse to output it,
/// so these wrappers map that case back to the zero encoding instead of failing.
/// </summary>
internal static unsafe class Ristretto255
{
    internal const int PointLength = LibSodium.PointBytes;
    internal const int ScalarLength = LibSodium.ScalarBytes;
    internal const int WideScalarLength = LibSodium.NonReducedScalarBytes;

    // ℓ = 2^252 + 27742317777372353535851937790883648493, little-endian.
    private static ReadOnlySpan<byte> GroupOrder =>
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    /// <summary>True when the 32-byte little-endian scalar is strictly below the group order ℓ.</summary>
    internal static bool IsCanonicalScalar(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != ScalarLength)
        {
            return false;
        }

        ReadOnlySpan<byte> order = GroupOrder;
        for (int i = ScalarLength - 1; i >= 0; i--)
        {
            if (scalar[i] != order[i])
            {
                return scalar[i] < order[i];
            }
        }

        return false; // equal to ℓ
    }

    internal static bool IsValidPoint(ReadOnlySpan<byte> point)
    {
        if (point.Length != PointLength)
        {
            return false;
        }

        LibSodium.EnsureInitialized();
        fixed (byte* p = point)
        {
            return LibSodium.crypto_core_ristretto255_is_valid_point(p) == 1;
        }
    }

    /// <summary>result = scalar·B. A zero scalar yields the identity encoding.</summary>
    internal static void MultiplyBase(ReadOnlySpan<byte> scalar, Span<byte> result)
    {
        CheckLength(scalar, ScalarLength, nameof(scalar));
        CheckLength(result, PointLength, nameof(result));
        LibSodium.EnsureInitialized();
        fixed (byte* n = scalar)
        fixed (byte* q = result)
        {
            if (LibSodium.crypto_scalarmult_ristretto255_base(q, n) != 0)
            {
                result.Clear();
            }
        }
    }

    /// <summary>
    /// result = scalar·point. Returns false only when <paramref name="point"/> is not a valid encoding;
    /// an identity product (zero scalar or identity point) is written as the zero encoding.
    /// </summary>
    internal static bool TryMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> point, Span<byte> result)
    {
        CheckLength(scalar, ScalarLength, nameof(scalar));
        CheckLength(result, PointLength, nameof(result));
        if (point.Length != PointLength)
        {
            return false;
        }

        LibSodium.EnsureInitialized();
        fixed (byte* n = scalar)
        fixed (byte* p = point)
        fixed (byte* q = result)
        {
            if (LibSodium.crypto_scalarmult_ristretto255(q, n, p) == 0)
            {
                return true;
            }
        }

        // libsodium returns -1 both for an invalid point and for an identity result; tell them apart.
        result.Clear();
        return IsValidPoint(point);
    }

    /// <summary>result = p + q; false when either input is not a valid encoding.</summary>
    internal static bool TryAdd(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q, Span<byte> result)
    {
        CheckLength(result, PointLength, nameof(result));
        if (p.Length != PointLength || q.Length != PointLength)
        {
            return false;
        }

        LibSodium.EnsureInitialized();
        fixed (byte* pp = p)
        fixed (byte* qq = q)
        fixed (byte* r = result)
        {
            return LibSodium.crypto_core_ristretto255_add(r, pp, qq) == 0;
        }
    }

    /// <summary>result = p − q; false when either input is not a valid encoding.</summary>
    internal static bool TrySubtract(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q, Span<byte> result)
    {
        CheckLength(result, PointLength, nameof(result));
        if (p.Length != PointLength || q.Length != PointLength)
        {
            return false;
        }

        LibSodium.EnsureInitialized();
        fixed (byte* pp = p)
        fixed (byte* qq = q)
        fixed (byte* r = result)
        {
            return LibSodium.crypto_core_ristretto255_sub(r, pp, qq) == 0;
        }
    }

    /// <summary>Reduces a 64-byte little-endian integer modulo ℓ (Scalar::from_bytes_mod_order_wide).</summary>
    internal static void ReduceWide(ReadOnlySpan<byte> wide, Span<byte> result)
    {
        CheckLength(wide, WideScalarLength, nameof(wide));
        CheckLength(result, ScalarLength, nameof(result));
        LibSodium.EnsureInitialized();
        fixed (byte* s = wide)
        fixed (byte* r = result)
        {
            LibSodium.crypto_core_ristretto255_scalar_reduce(r, s);
        }
    }

    /// <summary>Reduces a 32-byte little-endian integer modulo ℓ (Scalar::from_bytes_mod_order).</summary>
    internal static void Reduce(ReadOnlySpan<byte> scalar, Span<byte> result)
    {
        CheckLength(scalar, ScalarLength, nameof(scalar));
        Span<byte> wide = stackalloc byte[WideScalarLength];
        wide.Clear();
        scalar.CopyTo(wide);
        ReduceWide(wide, result);
        CryptographicOperations.ZeroMemory(wide);
    }

    /// <summary>result = x + y mod ℓ.</summary>
    internal static void ScalarAdd(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> result)
    {
        CheckLength(x, ScalarLength, nameof(x));
        CheckLength(y, ScalarLength, nameof(y));
        CheckLength(result, ScalarLength, nameof(result));
        LibSodium.EnsureInitialized();
        fixed (byte* xx = x)
        fixed (byte* yy = y)
        fixed (byte* z = result)
        {
            LibSodium.crypto_core_ristretto255_scalar_add(z, xx, yy);
        }
    }

    /// <summary>result = x · y mod ℓ.</summary>
    internal static void ScalarMultiply(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> result)
    {
        CheckLength(x, ScalarLength, nameof(x));
        CheckLength(y, ScalarLength, nameof(y));
        CheckLength(result, ScalarLength, nameof(result));
        LibSodium.EnsureInitialized();
        fixed (byte* xx = x)
        fixed (byte* yy = y)
        fixed (byte* z = result)
        {
            LibSodium.crypto_core_ristretto255_scalar_mul(z, xx, yy);
        }
    }

    private static void CheckLength(ReadOnlySpan<byte> span, int expected, string name)
    {
        if (span.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} bytes, got {span.Length}.", name);
        }
    }
}
