using System.Globalization;
using System.Numerics;
using System.Text.Json;
using TaoSharp.Math;
using TaoSharp.Runtime.Amm;

namespace TaoSharp.Cli.Commands.Sim;

/// <summary>A malformed `tao sim swap` case file; the message names the field and what is wrong with it.</summary>
public sealed class SimSwapCaseException(string message) : Exception(message);

/// <summary>
/// One `tao sim swap` case: a pool, a stake (buy) or unstake (sell) and its optional limit. Parsing is strict:
/// unknown fields, wrong types and out-of-range numbers are refused with a message naming the field.
/// </summary>
public sealed record SimSwapCase(
    PoolModelKind Model,
    PoolState Pool,
    SwapDirection Direction,
    ulong Amount,
    ulong? LimitRaoPerAlpha,
    bool AllowPartial,
    ulong StakeHeld,
    ulong? MinimumReserve,
    ulong? MinStake,
    ulong StakingFee)
{
    private static readonly HashSet<string> KnownFields =
    [
        "model", "tao_reserve", "alpha_reserve", "quote_weight", "fee_rate_u16", "direction", "amount",
        "limit_price", "allow_partial", "stake_held", "minimum_reserve", "min_stake", "staking_fee",
    ];

    public static SimSwapCase Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new SimSwapCaseException($"not valid JSON ({e.Message})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SimSwapCaseException("the case must be a JSON object");
            }

            foreach (var p in root.EnumerateObject())
            {
                if (!KnownFields.Contains(p.Name))
                {
                    throw new SimSwapCaseException($"unknown field '{p.Name}'");
                }
            }

            var model = RequiredString(root, "model") switch
            {
                "weighted" => PoolModelKind.Weighted,
                "constant-product" => PoolModelKind.ConstantProduct,
                var other => throw new SimSwapCaseException($"'model' must be \"weighted\" or \"constant-product\", not \"{other}\""),
            };
            var direction = RequiredString(root, "direction") switch
            {
                "buy" => SwapDirection.Buy,
                "sell" => SwapDirection.Sell,
                var other => throw new SimSwapCaseException($"'direction' must be \"buy\" or \"sell\", not \"{other}\""),
            };

            var tao = RequiredU64(root, "tao_reserve");
            var alpha = RequiredU64(root, "alpha_reserve");
            var feeRate = RequiredU64(root, "fee_rate_u16");
            if (feeRate > ushort.MaxValue)
            {
                throw new SimSwapCaseException("'fee_rate_u16' must be an integer in 0..=65535");
            }

            var weight = Perquintill.Half;
            if (root.TryGetProperty("quote_weight", out var w))
            {
                var parts = ParseU64(w, "quote_weight");
                if (parts > Perquintill.Accuracy)
                {
                    throw new SimSwapCaseException("'quote_weight' is parts per 10^18 and must be at most 1000000000000000000");
                }

                weight = Perquintill.FromParts(parts);
                if (model == PoolModelKind.Weighted && !BalancerMath.IsValidQuoteWeight(weight))
                {
                    throw new SimSwapCaseException("'quote_weight' must keep both weights at least 0.01 (10000000000000000..=990000000000000000 parts)");
                }
            }

            ulong? limit = null;
            if (root.TryGetProperty("limit_price", out var l) && l.ValueKind != JsonValueKind.Null)
            {
                limit = ParseTaoPrice(l);
            }

            var amount = RequiredU64(root, "amount");
            return new SimSwapCase(
                model,
                new PoolState(new Primitives.TaoBalance(tao), new Primitives.AlphaBalance(alpha), weight, (ushort)feeRate),
                direction,
                amount,
                limit,
                OptionalBool(root, "allow_partial") ?? false,
                OptionalU64(root, "stake_held") ?? amount,
                OptionalU64(root, "minimum_reserve"),
                OptionalU64(root, "min_stake"),
                OptionalU64(root, "staking_fee") ?? 0);
        }
    }

    /// <summary>Longest price text accepted; a price is a handful of digits.</summary>
    private const int MaxPriceTextLength = 64;

    /// <summary>
    /// A decimal TAO-per-α price (string or JSON number, plain or with an exponent such as <c>1e-05</c>) as RAO per α.
    /// The chain takes the limit as whole RAO, so digits below 1 RAO (past the 9th decimal) are dropped (floor), the
    /// way a client converting a price to the extrinsic's <c>limit_price</c> does.
    /// </summary>
    internal static ulong ParseTaoPrice(JsonElement e)
    {
        var text = e.ValueKind switch
        {
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.Number => e.GetRawText(),
            _ => throw new SimSwapCaseException("'limit_price' must be a decimal string (TAO per alpha)"),
        };
        var bad = new SimSwapCaseException($"'limit_price' must be a non-negative decimal like \"0.25\" or \"2.5e-3\", not \"{(text.Length > MaxPriceTextLength ? text[..MaxPriceTextLength] + "…" : text)}\"");
        if (text.Length == 0 || text.Length > MaxPriceTextLength)
        {
            throw bad;
        }

        var mark = text.IndexOfAny(['e', 'E']);
        var number = mark < 0 ? text : text[..mark];
        var exponent = 0;
        if (mark >= 0)
        {
            var expText = text[(mark + 1)..];
            var digits = expText.StartsWith('+') || expText.StartsWith('-') ? expText[1..] : expText;
            if (digits.Length is 0 or > 4 || !digits.All(char.IsAsciiDigit))
            {
                throw bad;
            }

            exponent = int.Parse(expText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = number.IndexOf('.');
        var whole = dot < 0 ? number : number[..dot];
        var frac = dot < 0 ? "" : number[(dot + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !frac.All(char.IsAsciiDigit) || (dot >= 0 && frac.Length == 0))
        {
            throw bad;
        }

        // value = digits · 10^(exponent − |frac|); RAO = ⌊value · 10^9⌋.
        var digitsValue = BigInteger.Parse(whole + frac, NumberStyles.None, CultureInfo.InvariantCulture);
        var shift = exponent - frac.Length + 9;
        BigInteger rao;
        if (shift >= 0)
        {
            if (digitsValue.IsZero)
            {
                rao = BigInteger.Zero;
            }
            else if (shift > 40)
            {
                throw new SimSwapCaseException("'limit_price' is too large");
            }
            else
            {
                rao = digitsValue * BigInteger.Pow(10, shift);
            }
        }
        else
        {
            rao = -shift > MaxPriceTextLength ? BigInteger.Zero : digitsValue / BigInteger.Pow(10, -shift);
        }

        if (rao > ulong.MaxValue)
        {
            throw new SimSwapCaseException("'limit_price' is too large");
        }

        return (ulong)rao;
    }

    private static string RequiredString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var e))
        {
            throw new SimSwapCaseException($"missing field '{name}'");
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new SimSwapCaseException($"'{name}' must be a string");
    }

    private static ulong RequiredU64(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) ? ParseU64(e, name) : throw new SimSwapCaseException($"missing field '{name}'");

    private static ulong? OptionalU64(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? ParseU64(e, name) : null;

    private static bool? OptionalBool(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SimSwapCaseException($"'{name}' must be true or false"),
        };
    }

    /// <summary>A u64 given as a JSON integer or a decimal-digit string (large values survive JSON tooling as strings).</summary>
    private static ulong ParseU64(JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var n))
        {
            return n;
        }

        if (e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 and <= 20 } s && s.All(char.IsAsciiDigit)
            && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new SimSwapCaseException($"'{name}' must be an integer in 0..=18446744073709551615");
    }
}
