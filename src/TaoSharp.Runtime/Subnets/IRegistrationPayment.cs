using TaoSharp.Primitives;
using TaoSharp.Storage;

namespace TaoSharp.Runtime.Subnets;

/// <summary>
/// Pays a registration's burn (spec-yuma §6.1): the TAO leaves the coldkey, is swapped into the subnet pool and
/// the bought alpha is burned. Implemented by the balances/swap areas; registration only asks and charges.
/// </summary>
public interface IRegistrationPayment
{
    bool CanPay(IStateReader state, AccountId coldkey, ulong taoRao);

    void Pay(IStateAccess state, AccountId coldkey, NetUid netuid, ulong taoRao);
}
