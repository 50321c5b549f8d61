using TaoSharp.Subnets.Forecast.Neurons;

namespace TaoSharp.Subnets.Forecast.Validator;

/// <summary>
/// When a validator may set weights: the chain refuses set_weights until more than weights_rate_limit blocks passed
/// since the hotkey's last update (spec-client §5.4), so the validator sends exactly when that allows, and does not
/// send again while an earlier submission may still be on its way into a block.
/// </summary>
public sealed class WeightsCadence
{
    private ulong? _lastSentAt;

    public bool IsDue(SubnetSnapshot snapshot, NeuronEntry self)
    {
        var since = snapshot.Block - System.Math.Min(snapshot.Block, self.LastUpdate);
        // A never-updated neuron has last_update = its registration block (the chain's rule), so it waits too.
        if (since <= snapshot.WeightsRateLimit)
            return false;
        return _lastSentAt is not { } sent || snapshot.Block > sent + snapshot.WeightsRateLimit;
    }

    public void Sent(ulong block) => _lastSentAt = block;
}
