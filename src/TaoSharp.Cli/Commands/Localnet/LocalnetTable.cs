using System.Globalization;
using Spectre.Console;

namespace TaoSharp.Cli.Commands.Localnet;

/// <summary>Renders a <see cref="LocalnetSnapshot"/> as the live metagraph table.</summary>
public static class LocalnetTable
{
    public static Table Render(LocalnetSnapshot s, ushort netuid, Uri rpc, string logPath)
    {
        var p = s.Pool;
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .Title($"[bold]forecast subnet {netuid}[/] · block #{s.Block} · tempo {p.Tempo} (last epoch #{p.LastStep}) · RPC {rpc}")
            .Caption(Markup.Escape($"α price {F(p.Price, 6)} τ · pool {F(p.TaoIn, 3)} τ / {F(p.AlphaIn, 3)} α · α out {F(p.AlphaOut, 3)} · logs {logPath} · Ctrl-C stops"));
        foreach (var c in new[] { "UID", "role", "model", "score", "answered", "stake (α)", "incentive", "dividends", "emission (α)" })
            table.AddColumn(new TableColumn(c).RightAligned());
        table.Columns[1].LeftAligned();
        table.Columns[2].LeftAligned();
        foreach (var n in s.Neurons)
        {
            table.AddRow(
                n.Uid.ToString(CultureInfo.InvariantCulture),
                n.Role,
                n.Model ?? "",
                n.Score is { } sc ? sc.ToString("F3", CultureInfo.InvariantCulture) : "",
                n.Answered?.ToString(CultureInfo.InvariantCulture) ?? "",
                F(n.Stake, 3),
                n.Incentive.ToString("F4", CultureInfo.InvariantCulture),
                n.Dividends.ToString("F4", CultureInfo.InvariantCulture),
                F(n.Emission, 4));
        }
        return table;
    }

    private static string F(decimal d, int places) => d.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
