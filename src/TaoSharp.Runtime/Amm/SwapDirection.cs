namespace TaoSharp.Runtime.Amm;

/// <summary>Which way a swap goes through a subnet pool.</summary>
public enum SwapDirection
{
    /// <summary>TAO in, alpha out (staking; the reference's <c>GetAlphaForTao</c>).</summary>
    Buy,

    /// <summary>Alpha in, TAO out (unstaking; the reference's <c>GetTaoForAlpha</c>).</summary>
    Sell,
}
