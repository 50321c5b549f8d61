namespace TaoSharp.Runtime;

/// <summary>
/// Why a call failed, named as the reference chain names it (subtensor's pallet errors and the swap pallet's).
/// The name is what users, events and the CLI see; keep the spelling of the reference chain.
/// The enum is shared by every area of the Runtime: append new names, never renumber or rename.
/// </summary>
public enum DispatchError
{
    // --- generic / balances ---
    BadOrigin,
    InsufficientBalance,
    BalanceWithdrawalError,
    ExistentialDeposit,
    KeepAlive,
    Overflow,
    CannotUseSystemAccount,
    Deprecated,
    RequireSudo,

    // --- subnets / registration (spec-yuma §6, spec-dtao §6) ---
    SubnetNotExists,
    MechanismDoesNotExist,
    HotKeyAlreadyRegisteredInSubNet,
    HotKeyNotRegisteredInSubNet,
    HotKeyNotRegisteredInNetwork,
    HotKeyAccountNotExists,
    NonAssociatedColdKey,
    NotSubnetOwner,
    NoNeuronIdAvailable,
    TooManyRegistrationsThisBlock,
    TooManyRegistrationsThisInterval,
    SubNetRegistrationDisabled,
    RegistrationNotPermittedOnRootSubnet,
    NotEnoughBalanceToPayBurn,
    RegistrationPriceLimitExceeded,
    NetworkTxRateLimitExceeded,
    SubnetLimitReached,
    CannotAffordLockCost,
    FirstEmissionBlockNumberAlreadySet,
    NeedWaitingMoreBlocksToStarCall,
    SubtokenDisabled,
    InvalidSubnetNumber,
    TempoOutOfBounds,
    EpochTriggerAlreadyPending,
    AutoEpochAlreadyImminent,
    InvalidIdentity,
    SymbolDoesNotExist,
    SymbolAlreadyInUse,
    StakeTooLowForRoot,
    AllNetworksInImmunity,

    // --- weights (spec-yuma §5) ---
    CanNotSetRootNetworkWeights,
    WeightVecNotEqualSize,
    DuplicateUids,
    UidVecContainInvalidOne,
    UidsLengthExceedUidsInSubNet,
    WeightVecLengthIsLow,
    MaxWeightExceeded,
    IncorrectWeightVersionKey,
    SettingWeightsTooFast,
    NeuronNoValidatorPermit,
    NotEnoughStakeToSetWeights,
    CommitRevealEnabled,
    CommitRevealDisabled,
    NoWeightsCommitFound,
    InvalidRevealCommitHashNotMatch,
    RevealTooEarly,
    ExpiredWeightCommit,
    TooManyUnrevealedCommits,
    CommittingWeightsTooFast,
    InputLengthsUnequal,

    // --- serving (axon) ---
    InvalidIpType,
    InvalidIpAddress,
    InvalidPort,
    ServingRateLimitExceeded,

    // --- staking (spec-dtao §5) ---
    NotEnoughBalanceToStake,
    NotEnoughStakeToWithdraw,
    AmountTooLow,
    InsufficientLiquidity,
    SlippageTooHigh,
    TransferDisallowed,
    SameNetuid,
    StakeUnavailable,
    CannotBurnOrRecycleOnRootSubnet,
    StakingRateLimitExceeded,
    DelegateTakeTooLow,
    DelegateTakeTooHigh,
    DelegateTxRateLimitExceeded,
    InvalidChildkeyTake,
    TxChildkeyTakeRateLimitExceeded,
    InvalidChild,
    DuplicateChild,
    ProportionOverflow,
    TooManyChildren,
    ChildParentInconsistency,
    NotEnoughStakeToSetChildkeys,
    InvalidRootClaimThreshold,
    InvalidNumRootClaim,

    // --- hyperparameters / admin ---
    InvalidValue,
    ValueNotInBounds,
    AdminActionProhibitedDuringWeightsWindow,
    TxRateLimitExceeded,

    // --- swap pallet (spec-dtao §3.4) ---
    FeeRateTooHigh,
    InsufficientInputAmount,
    PriceLimitExceeded,
    ReservesTooLow,
    ReservesOutOfBalance,
    SwapInputTooLarge,

    // --- admin-utils and owner hyperparameter calls (names of pallet_admin_utils / subtensor errors) ---
    SubnetDoesNotExist,
    NotPermittedOnRootSubnet,
    MaxValidatorsLargerThanMaxUIds,
    BondsMovingAverageMaxReached,
    NegativeSigmoidSteepness,
    MaxAllowedUidsLessThanMinAllowedUids,
    MaxAllowedUIdsLessThanCurrentUIds,
    MaxAllowedUidsGreaterThanDefaultMaxAllowedUids,
    LiquidAlphaDisabled,
    AlphaHighTooLow,
    AlphaLowOutOfRange,
    RevealPeriodTooLarge,
    RevealPeriodTooSmall,
    ActivityCutoffFactorMilliOutOfBounds,

    // --- key swaps (hotkey and coldkey swaps, the coldkey-swap announcement guard) ---
    NewHotKeyIsSameWithOld,
    HotKeySetTxRateLimitExceeded,
    NewHotKeyNotCleanForRootSwap,
    NotEnoughBalanceToPaySwapHotKey,
    HotKeySwapOnSubnetIntervalNotPassed,
    ColdKeyAlreadyAssociated,
    NewColdKeyIsHotkey,
    NotEnoughBalanceToPaySwapColdKey,
    ColdkeySwapAnnouncementNotFound,
    AnnouncedColdkeyHashDoesNotMatch,
    ColdkeySwapTooEarly,
    ColdkeySwapReannouncedTooEarly,
    ColdkeySwapAlreadyDisputed,
    ColdkeySwapClearTooEarly,
    ColdkeySwapDisputed,
    ColdkeySwapAnnounced,
    TrimmingWouldExceedMaxImmunePercentage,
    MinAllowedUidsGreaterThanMaxAllowedUids,
    MinAllowedUidsGreaterThanCurrentUids,
    DynamicTempoBlockedByCommitReveal,
    SameAutoStakeHotkeyAlreadySet,
}

/// <summary>Thrown inside the Runtime to abort a call; the executor rolls back the call's changes and records the error.</summary>
public sealed class DispatchException(DispatchError error, string? detail = null)
    : Exception(detail is null ? error.ToString() : $"{error}: {detail}")
{
    public DispatchError Error { get; } = error;
}
