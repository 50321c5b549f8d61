using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Runtime.Calls;
using TaoSharp.Runtime.Storage;

namespace TaoSharp.Runtime.Tests;

/// <summary>Where a transaction fee goes: the block author, or nowhere (burned from both issuance counters).</summary>
public class TransactionPaymentTests
{
    private static readonly AccountId Payer = DtaoTestChain.Key(1);
    private static readonly AccountId Author = DtaoTestChain.Key(9);

    [Fact]
    public void Fee_IsCreditedToTheAuthor_IssuanceUnchanged()
    {
        var chain = new DtaoTestChain(Payer);
        SubtensorStorage.BlockAuthor.Set(chain.State, Author);
        var (balances, subtensor) = Issuance(chain);

        TransactionPayment.ChargeFee(chain.State, Payer, 150_000);

        Assert.Equal(150_000UL, TaoBalances.Free(chain.State, Author).Rao);
        Assert.Equal((balances, subtensor), Issuance(chain));
        chain.AssertInvariants();
    }

    [Fact]
    public void Fee_TooSmallToCreateTheAuthorsAccount_OrWithoutAnAuthor_IsBurned()
    {
        var chain = new DtaoTestChain(Payer);
        var (balances, subtensor) = Issuance(chain);
        TransactionPayment.ChargeFee(chain.State, Payer, 150_000); // no author
        Assert.Equal((balances - 150_000, subtensor - 150_000), Issuance(chain));

        SubtensorStorage.BlockAuthor.Set(chain.State, Author);
        TransactionPayment.ChargeFee(chain.State, Payer, 400); // below the 500 RAO existential deposit of a new account
        Assert.Equal(0UL, TaoBalances.Free(chain.State, Author).Rao);
        Assert.Equal((balances - 150_400, subtensor - 150_400), Issuance(chain));
        chain.AssertInvariants();
    }

    [Fact]
    public void Fee_ThePayerCannotAfford_IsRefusedAndChangesNothing()
    {
        var chain = new DtaoTestChain(Payer);
        SubtensorStorage.BlockAuthor.Set(chain.State, Author);
        var free = TaoBalances.Free(chain.State, Payer).Rao;
        Assert.Equal(DispatchError.KeepAlive, chain.Try(() => TransactionPayment.ChargeFee(chain.State, Payer, free)));
        Assert.Equal(free, TaoBalances.Free(chain.State, Payer).Rao);
        Assert.Equal(0UL, TaoBalances.Free(chain.State, Author).Rao);
    }

    private static (ulong Balances, ulong Subtensor) Issuance(DtaoTestChain chain) =>
        (TaoBalances.TotalIssuance(chain.State).Rao, SubtensorStorage.TotalIssuance.Get(chain.State));
}
