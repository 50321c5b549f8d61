using TaoSharp.Chain.Execution;
using TaoSharp.Chain.Extrinsics;
using TaoSharp.Primitives;
using TaoSharp.Runtime.Balances;
using TaoSharp.Storage;

namespace TaoSharp.Chain.Pool;

/// <summary>
/// Pending transactions. Submissions are fully validated against the head state (signature, era, call, nonce,
/// fee); a nonce ahead of the account's waits in the future queue until the gap closes. One transaction per
/// (signer, nonce): a new one replaces it only with a strictly higher tip. Block selection takes, across signers,
/// the highest priority (tip) first and each signer's nonces in order. After every block the pool drops what was
/// included or became invalid and re-checks the rest. Thread-safe: one lock guards all state.
/// </summary>
public sealed class TransactionPool(TransactionValidator validator, PoolOptions options)
{
    private sealed class Entry(ValidTransaction tx, long arrival)
    {
        public ValidTransaction Tx { get; } = tx;
        public long Arrival { get; } = arrival;
        public Extrinsic X => Tx.Extrinsic;
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<Hash256, Entry> _byHash = [];
    private readonly Dictionary<AccountId, SortedDictionary<uint, Entry>> _bySigner = [];
    private long _arrivals;
    // The head seen by the last OnBlockImported: a submission validated against an older head is re-checked on it.
    private long _imports;
    private (IStateReader State, ulong NextBlock, BlockHashLookup HashAt)? _head;

    /// <summary>Raised (outside the lock) for every status change; subscribers must be quick.</summary>
    public event Action<TransactionStatus>? StatusChanged;

    public int Count
    {
        get { lock (_lock) return _byHash.Count; }
    }

    public bool Contains(Hash256 hash)
    {
        lock (_lock) return _byHash.ContainsKey(hash);
    }

    /// <summary>Next nonce for a signer counting its pooled transactions (system_accountNextIndex).</summary>
    public uint NextNonce(IStateReader head, AccountId who)
    {
        var nonce = TaoBalances.Nonce(head, who);
        lock (_lock)
        {
            if (!_bySigner.TryGetValue(who, out var queue)) return nonce;
            while (queue.ContainsKey(nonce)) nonce++;
            return nonce;
        }
    }

    /// <summary>Validates and admits a transaction; throws <see cref="InvalidExtrinsicException"/> with the reason when refused.</summary>
    public ValidTransaction Submit(Extrinsic x, IStateReader head, ulong nextBlock, BlockHashLookup hashAt)
    {
        long importsSeen;
        lock (_lock)
        {
            if (_byHash.ContainsKey(x.Hash))
                throw new InvalidExtrinsicException(InvalidReason.AlreadyImported, "transaction is already in the pool");
            importsSeen = _imports;
        }
        // Signature checks are the expensive part: done outside the lock so submitters run in parallel.
        var valid = validator.Validate(head, x, nextBlock, hashAt, allowFuture: true);

        var notices = new List<TransactionStatus>();
        lock (_lock)
        {
            if (_byHash.ContainsKey(x.Hash))
                throw new InvalidExtrinsicException(InvalidReason.AlreadyImported, "transaction is already in the pool");
            // A block was imported meanwhile: the signer's nonce (and the pooled run it is measured against) moved,
            // so re-check against the new head (signature already verified) instead of judging the gap on stale data.
            if (_imports != importsSeen && _head is { } h)
                valid = validator.Validate(h.State, x, h.NextBlock, h.HashAt, allowFuture: true, checkSignature: false);
            if (!_bySigner.TryGetValue(x.Signer, out var queue))
                _bySigner[x.Signer] = queue = [];
            // The gap is measured from the end of the signer's ready run, so a long in-order stream is never "future".
            var expected = valid.AccountNonce;
            while (queue.ContainsKey(expected)) expected++;
            if (x.Nonce > expected && x.Nonce - expected > options.MaxFutureNonceGap)
            {
                if (queue.Count == 0) _bySigner.Remove(x.Signer);
                throw new InvalidExtrinsicException(InvalidReason.Future,
                    $"nonce {x.Nonce} is more than {options.MaxFutureNonceGap} ahead of the signer's next nonce {expected}");
            }
            if (queue.TryGetValue(x.Nonce, out var existing))
            {
                if (x.Tip <= existing.X.Tip)
                    throw new InvalidExtrinsicException(InvalidReason.TooLowPriority,
                        $"a transaction with nonce {x.Nonce} is already pooled; a replacement needs a higher tip than {existing.X.Tip}");
                RemoveLocked(existing);
                notices.Add(new TransactionStatus(existing.X.Hash, TransactionStatusKind.Usurped, Reason: $"replaced by {x.Hash}"));
            }
            else if (queue.Count >= options.MaxPerSigner)
                throw new InvalidExtrinsicException(InvalidReason.ExhaustsResources, $"signer already has {queue.Count} pooled transactions");

            if (_byHash.Count >= options.MaxTransactions)
            {
                var victim = LowestPriorityLocked();
                if (victim is null || victim.X.Tip >= x.Tip)
                    throw new InvalidExtrinsicException(InvalidReason.PoolFull, $"the pool is full ({options.MaxTransactions} transactions)");
                RemoveLocked(victim);
                notices.Add(new TransactionStatus(victim.X.Hash, TransactionStatusKind.Dropped, Reason: "evicted: pool full"));
            }
            var entry = new Entry(valid, _arrivals++);
            if (!_bySigner.TryGetValue(x.Signer, out queue)) _bySigner[x.Signer] = queue = [];
            queue[x.Nonce] = entry;
            _byHash[x.Hash] = entry;
            notices.Add(new TransactionStatus(x.Hash, valid.IsFuture ? TransactionStatusKind.Future : TransactionStatusKind.Ready));
        }
        Publish(notices);
        return valid;
    }

    /// <summary>
    /// Ready transactions for the next block, at most <paramref name="max"/>: per signer a run of consecutive
    /// nonces from the account's nonce in <paramref name="head"/>, merged across signers by tip (desc) then arrival.
    /// </summary>
    public IReadOnlyList<Extrinsic> SelectReady(IStateReader head, int max)
    {
        lock (_lock)
        {
            var heads = new PriorityQueue<(AccountId Signer, uint Nonce), (ulong NegTip, long Arrival)>();
            foreach (var (signer, queue) in _bySigner)
            {
                var nonce = TaoBalances.Nonce(head, signer);
                if (queue.TryGetValue(nonce, out var e)) heads.Enqueue((signer, nonce), Priority(e));
            }
            var picked = new List<Extrinsic>();
            while (picked.Count < max && heads.TryDequeue(out var item, out _))
            {
                var queue = _bySigner[item.Signer];
                picked.Add(queue[item.Nonce].X);
                if (item.Nonce < uint.MaxValue && queue.TryGetValue(item.Nonce + 1, out var next))
                    heads.Enqueue((item.Signer, item.Nonce + 1), Priority(next));
            }
            return picked;
        }
    }

    /// <summary>
    /// After a block: included transactions report InBlock and leave; refused ones are Invalid; everything else
    /// is re-checked against the new head (stale nonces, expired eras, fees no longer payable) without re-verifying signatures.
    /// </summary>
    public void OnBlockImported(Hash256 blockHash, IReadOnlyList<Extrinsic> included,
        IReadOnlyList<(Extrinsic Extrinsic, InvalidExtrinsicException Error)> refused,
        IStateReader newHead, ulong nextBlock, BlockHashLookup hashAt)
    {
        var notices = new List<TransactionStatus>();
        lock (_lock)
        {
            _imports++;
            _head = (newHead, nextBlock, hashAt);
            foreach (var x in included)
                if (_byHash.TryGetValue(x.Hash, out var e))
                    RemoveLocked(e);
            foreach (var x in included)
                notices.Add(new TransactionStatus(x.Hash, TransactionStatusKind.InBlock, blockHash));
            foreach (var (x, error) in refused)
                if (_byHash.TryGetValue(x.Hash, out var e) && error.Reason != InvalidReason.Future)
                {
                    RemoveLocked(e);
                    notices.Add(new TransactionStatus(x.Hash, TransactionStatusKind.Invalid, Reason: error.Message));
                }
            foreach (var e in _byHash.Values.ToList())
            {
                try
                {
                    validator.Validate(newHead, e.X, nextBlock, hashAt, allowFuture: true, checkSignature: false);
                }
                catch (InvalidExtrinsicException error)
                {
                    RemoveLocked(e);
                    notices.Add(new TransactionStatus(e.X.Hash, error.Reason == InvalidReason.Stale && error.Message.Contains("nonce")
                        ? TransactionStatusKind.Usurped : TransactionStatusKind.Invalid, Reason: error.Message));
                }
            }
        }
        Publish(notices);
    }

    /// <summary>Single-authority dev chain: a block is final as soon as it is committed.</summary>
    public void OnBlockFinalized(Hash256 blockHash, IReadOnlyList<Extrinsic> included) =>
        Publish(included.Select(x => new TransactionStatus(x.Hash, TransactionStatusKind.Finalized, blockHash)).ToList());

    private static (ulong, long) Priority(Entry e) => (ulong.MaxValue - e.Tx.Priority, e.Arrival);

    private Entry? LowestPriorityLocked()
    {
        // Evict from the tail of a signer's queue (highest nonce) so no gap opens in front of other entries.
        Entry? worst = null;
        foreach (var queue in _bySigner.Values)
        {
            if (queue.Count == 0) continue;
            var tail = queue.Values.Last();
            if (worst is null || tail.X.Tip < worst.X.Tip || tail.X.Tip == worst.X.Tip && tail.Arrival > worst.Arrival)
                worst = tail;
        }
        return worst;
    }

    private void RemoveLocked(Entry e)
    {
        _byHash.Remove(e.X.Hash);
        if (_bySigner.TryGetValue(e.X.Signer, out var queue))
        {
            queue.Remove(e.X.Nonce);
            if (queue.Count == 0) _bySigner.Remove(e.X.Signer);
        }
    }

    private void Publish(List<TransactionStatus> notices)
    {
        var handler = StatusChanged;
        if (handler is null) return;
        foreach (var n in notices) handler(n);
    }
}
