using System.Text;
using System.Text.Json;

namespace TaoSharp.Runtime.Epoch;

/// <summary>A case file's input was not a valid epoch case; the message says which field and why.</summary>
public sealed class EpochCaseFormatException(string message, Exception? inner = null) : FormatException(message, inner);

/// <summary>
/// The shared epoch-case JSON format (shared/vectors/README.md): reads a case's <c>input</c> into an
/// <see cref="EpochInput"/> and writes an <see cref="EpochOutput"/> with exactly the keys of a case's <c>expected</c>.
/// Used by <c>tao sim epoch</c> and the tests; never by a state transition.
/// </summary>
public static class EpochCaseFormat
{
    /// <summary>The output keys, in the order they are written.</summary>
    public static readonly string[] OutputKeys =
    [
        "active", "stake_weight", "consensus", "incentive", "dividends", "validator_trust", "emission",
        "server_emission", "validator_emission", "validator_permit", "bonds",
    ];

    /// <summary>Parses a whole case file (an object with an <c>input</c> member, or a bare input object).</summary>
    public static EpochInput ParseCase(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new EpochCaseFormatException($"not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new EpochCaseFormatException("the case must be a JSON object");
            var input = root.TryGetProperty("input", out var i) ? i : root;
            if (input.ValueKind != JsonValueKind.Object) throw new EpochCaseFormatException("'input' must be an object");
            return ParseInput(input);
        }
    }

    /// <summary>Reads an epoch-case <c>input</c> object.</summary>
    public static EpochInput ParseInput(JsonElement input)
    {
        var r = new Reader(input);
        int n = (int)r.UInt("n", EpochInput.MaxUids);
        var result = new EpochInput
        {
            N = n,
            CurrentBlock = r.UInt("current_block"),
            Tempo = (ushort)r.UInt("tempo", ushort.MaxValue),
            ActivityCutoffFactorMilli = (uint)r.UInt("activity_cutoff_factor_milli", uint.MaxValue, Subnets.HyperparameterDefaults.ActivityCutoffFactorMilli),
            AlphaStake = r.UInts("alpha_stake", n),
            TaoStake = r.Has("tao_stake") ? r.UInts("tao_stake", n) : null,
            TaoWeight = r.UInt("tao_weight", ulong.MaxValue, 0),
            StakeThreshold = r.UInt("stake_threshold", ulong.MaxValue, 0),
            OwnerUid = r.Has("owner_uid") ? (ushort)r.UInt("owner_uid", ushort.MaxValue) : null,
            MaxAllowedValidators = (ushort)r.UInt("max_allowed_validators", ushort.MaxValue),
            BlockAtRegistration = r.UInts("block_at_registration", n),
            LastUpdate = r.UInts("last_update", n, exact: false),
            ValidatorPermit = r.Bools("validator_permit", n),
            Weights = r.Rows("weights", n),
            Bonds = r.Rows("bonds", n),
            Kappa = (ushort)r.UInt("kappa", ushort.MaxValue, Subnets.HyperparameterDefaults.Kappa),
            BondsPenalty = (ushort)r.UInt("bonds_penalty", ushort.MaxValue, Subnets.HyperparameterDefaults.BondsPenalty),
            BondsMovingAverage = r.UInt("bonds_moving_average", ulong.MaxValue, Subnets.HyperparameterDefaults.BondsMovingAverage),
            Yuma3 = r.Bool("yuma3", false),
            LiquidAlpha = r.Bool("liquid_alpha", false),
            AlphaLow = (ushort)r.UInt("alpha_low", ushort.MaxValue, Subnets.HyperparameterDefaults.AlphaLow),
            AlphaHigh = (ushort)r.UInt("alpha_high", ushort.MaxValue, Subnets.HyperparameterDefaults.AlphaHigh),
            AlphaSigmoidSteepness = (short)r.Int("alpha_sigmoid_steepness", short.MinValue, short.MaxValue, Subnets.HyperparameterDefaults.AlphaSigmoidSteepness),
            LastMechanismStepBlock = r.UInt("last_mechanism_step_block", ulong.MaxValue, 0),
            RaoEmission = r.UInt("rao_emission"),
            CommitBlocks = r.Has("commit_blocks") ? r.UInts("commit_blocks", n) : null,
        };
        try
        {
            result.Validate();
        }
        catch (ArgumentException e)
        {
            throw new EpochCaseFormatException(e.Message, e);
        }
        return result;
    }

    /// <summary>Writes the output as one JSON object with the keys of a case's <c>expected</c> part.</summary>
    public static string WriteOutput(EpochOutput o, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            WriteArray(w, "active", o.Active, static (w, v) => w.WriteBooleanValue(v));
            WriteArray(w, "stake_weight", o.StakeWeight, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "consensus", o.Consensus, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "incentive", o.Incentive, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "dividends", o.Dividends, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "validator_trust", o.ValidatorTrust, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "emission", o.Emission, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "server_emission", o.ServerEmission, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "validator_emission", o.ValidatorEmission, static (w, v) => w.WriteNumberValue(v));
            WriteArray(w, "validator_permit", o.ValidatorPermit, static (w, v) => w.WriteBooleanValue(v));
            WriteArray(w, "bonds", o.Bonds, static (w, row) =>
            {
                w.WriteStartArray();
                foreach (var (uid, value) in row)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(uid);
                    w.WriteNumberValue(value);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            });
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteArray<T>(Utf8JsonWriter w, string name, T[] values, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var v in values) write(w, v);
        w.WriteEndArray();
    }

    /// <summary>Typed, range-checked access to the members of the input object; every failure names the field.</summary>
    private readonly struct Reader(JsonElement obj)
    {
        public bool Has(string name) => obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

        private JsonElement Get(string name) =>
            obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
                ? v
                : throw new EpochCaseFormatException($"missing field '{name}'");

        public ulong UInt(string name, ulong max = ulong.MaxValue, ulong? fallback = null)
        {
            if (fallback is { } f && !Has(name)) return f;
            return ToUInt(Get(name), name, max);
        }

        public long Int(string name, long min, long max, long fallback)
        {
            if (!Has(name)) return fallback;
            var e = Get(name);
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long v) || v < min || v > max)
                throw new EpochCaseFormatException($"'{name}' must be an integer in {min}..={max}");
            return v;
        }

        public bool Bool(string name, bool fallback)
        {
            if (!Has(name)) return fallback;
            var e = Get(name);
            return e.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new EpochCaseFormatException($"'{name}' must be true or false"),
            };
        }

        public ulong[] UInts(string name, int n, bool exact = true)
        {
            var e = Array(name, n, exact);
            var r = new ulong[e.GetArrayLength()];
            int i = 0;
            foreach (var x in e.EnumerateArray()) r[i++] = ToUInt(x, $"{name}[{i}]", ulong.MaxValue);
            return r;
        }

        public bool[] Bools(string name, int n)
        {
            var e = Array(name, n, exact: false);
            var r = new bool[e.GetArrayLength()];
            int i = 0;
            foreach (var x in e.EnumerateArray())
            {
                r[i++] = x.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new EpochCaseFormatException($"'{name}[{i - 1}]' must be true or false"),
                };
            }
            return r;
        }

        public (ushort, ushort)[][] Rows(string name, int n)
        {
            var e = Array(name, n, exact: false);
            var rows = new (ushort, ushort)[e.GetArrayLength()][];
            int i = 0;
            foreach (var row in e.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array) throw new EpochCaseFormatException($"'{name}[{i}]' must be an array of [uid, value] pairs");
                var r = new (ushort, ushort)[row.GetArrayLength()];
                int k = 0;
                foreach (var pair in row.EnumerateArray())
                {
                    string at = $"{name}[{i}][{k}]";
                    if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
                        throw new EpochCaseFormatException($"'{at}' must be a [uid, value] pair");
                    r[k++] = ((ushort)ToUInt(pair[0], at, ushort.MaxValue), (ushort)ToUInt(pair[1], at, ushort.MaxValue));
                }
                rows[i++] = r;
            }
            return rows;
        }

        private JsonElement Array(string name, int n, bool exact)
        {
            var e = Get(name);
            if (e.ValueKind != JsonValueKind.Array) throw new EpochCaseFormatException($"'{name}' must be an array");
            int len = e.GetArrayLength();
            if (exact ? len != n : len > n)
                throw new EpochCaseFormatException($"'{name}' has {len} entries, expected {(exact ? "" : "at most ")}n = {n}");
            return e;
        }

        private static ulong ToUInt(JsonElement e, string name, ulong max)
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetUInt64(out ulong v) || v > max)
                throw new EpochCaseFormatException($"'{name}' must be an integer in 0..={max}");
            return v;
        }
    }
}
