using TaoSharp.Crypto;
using TaoSharp.Crypto.SecretUri;
using TaoSharp.Crypto.Ss58;
using TaoSharp.Primitives;
using TaoSharp.Sdk.Transactions;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>A dev key derived from the well-known dev phrase ("//Miner0", "//Miner0//hot"...), owned for the whole run.</summary>
public sealed class DevKey : IDisposable
{
    private readonly ResolvedKey _resolved;

    public DevKey(string uri)
    {
        Uri = uri;
        _resolved = SecretUriResolver.Resolve(uri);
        Pair = (Sr25519KeyPair)_resolved.Pair;
        Account = AccountId.FromBytes(Pair.PublicKey);
        Ss58 = Ss58Address.Encode(Pair.PublicKey);
        Signer = new KeyPairSigner(Pair);
    }

    public string Uri { get; }

    public Sr25519KeyPair Pair { get; }

    public AccountId Account { get; }

    public string Ss58 { get; }

    public ITransactionSigner Signer { get; }

    public void Dispose() => _resolved.Dispose();
}

public enum NeuronRole { Owner, Validator, Miner }

/// <summary>One planned neuron: role, keys and (miners) model type.</summary>
public sealed class LocalnetNeuron(NeuronRole role, int index, DevKey coldkey, DevKey hotkey, string? model) : IDisposable
{
    public NeuronRole Role { get; } = role;

    public int Index { get; } = index;

    public DevKey Coldkey { get; } = coldkey;

    public DevKey Hotkey { get; } = hotkey;

    /// <summary>Model type for miners (see ForecasterFactory.ModelTypes); null for validators and the owner.</summary>
    public string? Model { get; } = model;

    public string RoleName => Role switch { NeuronRole.Owner => "owner", NeuronRole.Validator => "validator", _ => "miner" };

    public void Dispose()
    {
        Coldkey.Dispose();
        Hotkey.Dispose();
    }
}

/// <summary>
/// Who takes part in a localnet. Keys are hard-derived from the dev phrase so anyone can re-create them with
/// <c>tao keys inspect //Miner0//hot</c>: the subnet owner is //Alice (also sudo) with hotkey //Alice//forecast,
/// validator i is //Validator{i} (hotkey //Validator{i}//hot), miner i is //Miner{i} (hotkey //Miner{i}//hot).
/// Miners cycle through the model types so every localnet shows miners of different quality.
/// </summary>
public sealed class LocalnetPlan : IDisposable
{
    public LocalnetPlan(int validators, int miners, IReadOnlyList<string> modelTypes)
    {
        Owner = new LocalnetNeuron(NeuronRole.Owner, 0, new DevKey("//Alice"), new DevKey("//Alice//forecast"), null);
        Validators = Enumerable.Range(0, validators)
            .Select(i => new LocalnetNeuron(NeuronRole.Validator, i, new DevKey($"//Validator{i}"), new DevKey($"//Validator{i}//hot"), null))
            .ToArray();
        Miners = Enumerable.Range(0, miners)
            .Select(i => new LocalnetNeuron(NeuronRole.Miner, i, new DevKey($"//Miner{i}"), new DevKey($"//Miner{i}//hot"), modelTypes[i % modelTypes.Count]))
            .ToArray();
    }

    public LocalnetNeuron Owner { get; }

    public IReadOnlyList<LocalnetNeuron> Validators { get; }

    public IReadOnlyList<LocalnetNeuron> Miners { get; }

    public IEnumerable<LocalnetNeuron> All => [Owner, .. Validators, .. Miners];

    public LocalnetNeuron? ByHotkey(string ss58) => All.FirstOrDefault(n => n.Hotkey.Ss58 == ss58);

    public void Dispose()
    {
        foreach (var n in All)
            n.Dispose();
    }
}
