using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MovieRec.Core.Benchmarks;

/// <summary>The machine's measured matrix-product rate, in GFLOP/s over all the threads given.</summary>
public readonly record struct MachineRate(double Float32Gflops, double Float64Gflops, int Threads)
{
    public override string ToString() =>
        $"machine's matrix-product rate {Float32Gflops:F1} GFLOP/s float32, {Float64Gflops:F1} GFLOP/s float64 ({Threads} threads)";

    /// <summary>"x GFLOP/s = a % of float32, b % of float64".</summary>
    public string ShareOf(double gflops) =>
        $"{gflops:F2} GFLOP/s = {100 * gflops / Float32Gflops:F1} % of the float32 rate, {100 * gflops / Float64Gflops:F1} % of the float64 rate";
}

/// <summary>
/// A small probe of what this machine's cores can do, run by the bench commands beside their own
/// figures so that every GFLOP/s reads as a share of the machine in the same run (other processes
/// and the VM's speed vary over the day). It times C += A^T B for 64 x 64 C over 256-deep panels
/// that stay in the first-level cache, packed and register-tiled (6 x 16 float32 or 6 x 8 float64
/// tiles in twelve Vector256 accumulators): the best case for any dense kernel, a blocked product
/// with no gather, no triangle and no memory traffic, as a BLAS would run it. Every thread runs its
/// own copy at once; the figure is the median of three rounds.
/// </summary>
public static class MachineRateProbe
{
    private const int Size = 64;   // C is Size x Size
    private const int Depth = 256; // A and B are Depth x Size, row-major (A is stored transposed)
    private const int TileRows = 6;

    public static MachineRate Measure(int threads, double secondsPerRound = 0.2)
    {
        threads = Math.Max(1, threads);
        double single = Median(() => Round<float>(threads, secondsPerRound, ProductSingle));
        double @double = Median(() => Round<double>(threads, secondsPerRound, ProductDouble));
        return new MachineRate(single, @double, threads);
    }

    private static double Median(Func<double> round)
    {
        var rates = new[] { round(), round(), round() };
        Array.Sort(rates);
        return rates[1];
    }

    private static double Round<T>(int threads, double seconds, Action<T[], T[], T[]> product) where T : unmanaged
    {
        var counts = new long[threads];
        var clock = Stopwatch.StartNew();
        var budget = TimeSpan.FromSeconds(seconds);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var random = new Random(t);
            var a = new T[Depth * Size];
            var b = new T[Depth * Size];
            var c = new T[Size * Size];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (T)Convert.ChangeType(random.NextDouble() - 0.5, typeof(T));
                b[i] = (T)Convert.ChangeType(random.NextDouble() - 0.5, typeof(T));
            }
            product(a, b, c); // compiled before timing
            long count = 0;
            var start = clock.Elapsed;
            while (clock.Elapsed - start < budget)
            {
                product(a, b, c);
                count++;
            }
            counts[t] = count;
        });
        // The short last tile's repeated rows are not counted: only the Size x Size product asked for.
        double flops = 2.0 * Size * Size * Depth * counts.Sum();
        return flops / clock.Elapsed.TotalSeconds / 1e9;
    }

    private static void ProductSingle(float[] aTransposed, float[] b, float[] c)
    {
        ref float ra = ref MemoryMarshal.GetArrayDataReference(aTransposed);
        ref float rb = ref MemoryMarshal.GetArrayDataReference(b);
        for (int a0 = 0; a0 < Size; a0 += TileRows)
        {
            int rows = Math.Min(TileRows, Size - a0);
            for (int b0 = 0; b0 < Size; b0 += 16)
            {
                Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
                Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
                // The last tile is short: its missing rows repeat the last one and are not stored.
                int last = Size - 1, i1 = Math.Min(a0 + 1, last), i2 = Math.Min(a0 + 2, last), i3 = Math.Min(a0 + 3, last), i4 = Math.Min(a0 + 4, last), i5 = Math.Min(a0 + 5, last);
                for (int p = 0; p < Depth; p++)
                {
                    ref float rowB = ref Unsafe.Add(ref rb, p * Size);
                    ref float rowA = ref Unsafe.Add(ref ra, p * Size);
                    var x0 = Vector256.LoadUnsafe(ref rowB, (nuint)b0);
                    var x1 = Vector256.LoadUnsafe(ref rowB, (nuint)(b0 + 8));
                    var s = Vector256.Create(Unsafe.Add(ref rowA, a0));
                    c00 = Vector256.FusedMultiplyAdd(s, x0, c00); c01 = Vector256.FusedMultiplyAdd(s, x1, c01);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i1));
                    c10 = Vector256.FusedMultiplyAdd(s, x0, c10); c11 = Vector256.FusedMultiplyAdd(s, x1, c11);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i2));
                    c20 = Vector256.FusedMultiplyAdd(s, x0, c20); c21 = Vector256.FusedMultiplyAdd(s, x1, c21);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i3));
                    c30 = Vector256.FusedMultiplyAdd(s, x0, c30); c31 = Vector256.FusedMultiplyAdd(s, x1, c31);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i4));
                    c40 = Vector256.FusedMultiplyAdd(s, x0, c40); c41 = Vector256.FusedMultiplyAdd(s, x1, c41);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i5));
                    c50 = Vector256.FusedMultiplyAdd(s, x0, c50); c51 = Vector256.FusedMultiplyAdd(s, x1, c51);
                }
                Span<Vector256<float>> tile = [c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51];
                for (int r = 0; r < rows; r++)
                {
                    (Vector256.LoadUnsafe(ref c[(a0 + r) * Size + b0]) + tile[2 * r]).StoreUnsafe(ref c[(a0 + r) * Size + b0]);
                    (Vector256.LoadUnsafe(ref c[(a0 + r) * Size + b0 + 8]) + tile[2 * r + 1]).StoreUnsafe(ref c[(a0 + r) * Size + b0 + 8]);
                }
            }
        }
    }

    private static void ProductDouble(double[] aTransposed, double[] b, double[] c)
    {
        ref double ra = ref MemoryMarshal.GetArrayDataReference(aTransposed);
        ref double rb = ref MemoryMarshal.GetArrayDataReference(b);
        for (int a0 = 0; a0 < Size; a0 += TileRows)
        {
            int rows = Math.Min(TileRows, Size - a0);
            for (int b0 = 0; b0 < Size; b0 += 8)
            {
                Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
                Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
                int last = Size - 1, i1 = Math.Min(a0 + 1, last), i2 = Math.Min(a0 + 2, last), i3 = Math.Min(a0 + 3, last), i4 = Math.Min(a0 + 4, last), i5 = Math.Min(a0 + 5, last);
                for (int p = 0; p < Depth; p++)
                {
                    ref double rowB = ref Unsafe.Add(ref rb, p * Size);
                    ref double rowA = ref Unsafe.Add(ref ra, p * Size);
                    var x0 = Vector256.LoadUnsafe(ref rowB, (nuint)b0);
                    var x1 = Vector256.LoadUnsafe(ref rowB, (nuint)(b0 + 4));
                    var s = Vector256.Create(Unsafe.Add(ref rowA, a0));
                    c00 = Vector256.FusedMultiplyAdd(s, x0, c00); c01 = Vector256.FusedMultiplyAdd(s, x1, c01);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i1));
                    c10 = Vector256.FusedMultiplyAdd(s, x0, c10); c11 = Vector256.FusedMultiplyAdd(s, x1, c11);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i2));
                    c20 = Vector256.FusedMultiplyAdd(s, x0, c20); c21 = Vector256.FusedMultiplyAdd(s, x1, c21);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i3));
                    c30 = Vector256.FusedMultiplyAdd(s, x0, c30); c31 = Vector256.FusedMultiplyAdd(s, x1, c31);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i4));
                    c40 = Vector256.FusedMultiplyAdd(s, x0, c40); c41 = Vector256.FusedMultiplyAdd(s, x1, c41);
                    s = Vector256.Create(Unsafe.Add(ref rowA, i5));
                    c50 = Vector256.FusedMultiplyAdd(s, x0, c50); c51 = Vector256.FusedMultiplyAdd(s, x1, c51);
                }
                Span<Vector256<double>> tile = [c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51];
                for (int r = 0; r < rows; r++)
                {
                    (Vector256.LoadUnsafe(ref c[(a0 + r) * Size + b0]) + tile[2 * r]).StoreUnsafe(ref c[(a0 + r) * Size + b0]);
                    (Vector256.LoadUnsafe(ref c[(a0 + r) * Size + b0 + 4]) + tile[2 * r + 1]).StoreUnsafe(ref c[(a0 + r) * Size + b0 + 4]);
                }
            }
        }
    }
}
