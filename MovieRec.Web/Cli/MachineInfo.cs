using System.Runtime.InteropServices;

namespace MovieRec.Web.Cli;

/// <summary>The facts a benchmark figure must carry: cores, CPU model, runtime, and the command line.</summary>
public static class MachineInfo
{
    public static string Cores => Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string CpuModel
    {
        get
        {
            try
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    public static string Describe() =>
        $"{Cores} cores, {CpuModel}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Vectors}";

    /// <summary>
    /// What the JIT uses on this run, so every figure says which kind of machine measured it:
    /// DOTNET_EnableAVX512=0 (the AVX2 kind) shows as "Vector512 off"; on .NET 10
    /// DOTNET_EnableAVX512F=0 alone leaves it on.
    /// </summary>
    public static string Vectors =>
        $"Vector<float> {System.Numerics.Vector<float>.Count} lanes, AVX2 {(System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "on" : "off")}, " +
        $"Vector512 {(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "on" : "off")}";

    /// <summary>The command as typed, for the report (dotnet run -- is left out: it is the same program).</summary>
    public static string CommandLine(IEnumerable<string> args) =>
        "movierec " + string.Join(' ', args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
}
