// Probe, not part of the product (docs/BENCHMARKS.md, "EASE blended in"): would EASE (Steck 2019)
// on the N most-rated movies, blended into the served pick score, raise validation NDCG@10? Every
// validation user is scored as `evaluate` scores them (fold-in from their fit ratings through
// Recommender.ScoreAll, rated movies excluded, ties by the smaller movie id); gamma 0 reproduces
// the served figure, which checks the harness. Blend: s / sd(s) + gamma e / sd(e) over the
// catalogue, e_i = sum over the user's rated top-N movies j of B_ji, B = I - P diag(1 / P_ii),
// P = (X^T X + lambda I)^-1 (binary X), e = 0 outside the top N. Slow (dense MathNet inverse, LINQ
// sorts); it answers one question and is kept so that the figure can be reproduced.
// Usage: dotnet run -c Release -- FIT.csv VALID.csv N[,N...] LAMBDA[,...] GAMMA[,...]
// (FIT / VALID: the slice of bench/sweep.sh).
using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Ratings;

static List<Rating> Load(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
{
    var f = l.Split(','); return new Rating(int.Parse(f[0]), int.Parse(f[1]), float.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(f[3]));
}).ToList();

var fit = Load(args[0]); var valid = Load(args[1]);
var model = ModelTrainer.Train(fit.ToArray(), new TrainerOptions());
var rec = new Recommender(model);
int items = model.Items.Count;
var fitByUser = fit.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.ToList());
var relevant = valid.Where(r => r.Value >= 4).GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.MovieId).ToHashSet());
var users = relevant.Keys.Where(fitByUser.ContainsKey).OrderBy(u => u).ToArray();
var baseScores = new Dictionary<int, float[]>();
foreach (int u in users) baseScores[u] = rec.ScoreAll(FoldIn.Compute(model, fitByUser[u].Select(r => (r.MovieId, (double)r.Value))));
var counts = new int[items];
foreach (var r in fit) counts[model.Items.IndexOf(r.MovieId)]++;

double Ndcg(int u, double[] score)
{
    var rated = fitByUser[u].Select(r => model.Items.IndexOf(r.MovieId)).ToHashSet();
    var top = Enumerable.Range(0, items).Where(i => !rated.Contains(i))
        .OrderByDescending(i => score[i]).ThenBy(i => model.Items.IdOf(i)).Take(10).ToArray();
    var rel = relevant[u];
    double dcg = 0, ideal = 0;
    for (int n = 0; n < top.Length; n++) if (rel.Contains(model.Items.IdOf(top[n]))) dcg += 1 / Math.Log2(n + 2);
    for (int n = 0; n < Math.Min(10, rel.Count); n++) ideal += 1 / Math.Log2(n + 2);
    return dcg / ideal;
}
static double Sd(double[] v) { double m = v.Average(); return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Length); }

foreach (int n in args[2].Split(',').Select(int.Parse))
foreach (double lambda in args[3].Split(',').Select(double.Parse))
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var topItems = Enumerable.Range(0, items).OrderByDescending(i => counts[i]).ThenBy(i => model.Items.IdOf(i)).Take(n).ToArray();
    var position = Enumerable.Repeat(-1, items).ToArray();
    for (int t = 0; t < topItems.Length; t++) position[topItems[t]] = t;
    var g = Matrix<double>.Build.Dense(n, n);
    var userTop = new Dictionary<int, int[]>();
    foreach (var (u, rs) in fitByUser)
    {
        var ps = rs.Select(r => position[model.Items.IndexOf(r.MovieId)]).Where(t => t >= 0).ToArray();
        userTop[u] = ps;
        foreach (int a in ps) foreach (int b in ps) g[a, b] += 1;
    }
    for (int a = 0; a < n; a++) g[a, a] += lambda;
    var p = g.Inverse();
    var B = new double[n, n];
    for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) B[a, b] = a == b ? 0 : -p[a, b] / p[b, b];
    double fitSeconds = clock.Elapsed.TotalSeconds;
    var gammas = args[4].Split(',').Select(double.Parse).ToArray();
    var sums = new double[gammas.Length + 1];
    foreach (int u in users)
    {
        var ease = new double[items];
        foreach (int a in userTop[u]) for (int b = 0; b < n; b++) ease[topItems[b]] += B[a, b];
        var b0 = baseScores[u].Select(x => (double)x).ToArray();
        double sb = Sd(b0), se = Sd(ease);
        if (sb == 0) sb = 1; if (se == 0) se = 1;
        for (int k = 0; k < gammas.Length; k++)
        {
            var s = new double[items];
            for (int i = 0; i < items; i++) s[i] = b0[i] / sb + gammas[k] * ease[i] / se;
            sums[k] += Ndcg(u, s);
        }
        sums[^1] += Ndcg(u, ease);
    }
    Console.WriteLine($"N {n} lambda {lambda} (fit {fitSeconds:F1} s): " + string.Join("  ", gammas.Select((gm, k) => $"g{gm}={sums[k] / users.Length:F4}")) + $"  ease-only={sums[^1] / users.Length:F4}");
}
