// Probe, not part of the product: which second rating model or feature, blended by least squares,
// lowers validation RMSE; which ranking variants raise validation NDCG@10. Scored as `evaluate`
// does (fold-in from the fit ratings). Blend weights are fitted on half of the validation users
// and scored on the other half (and the other way round), so the figure is not flattered by the fit.
// Usage: dotnet run -c Release -- FIT.csv VALID.csv [Option=Value ...]   (TrainerOptions properties)
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MovieRec.Core.Engine;
using MovieRec.Core.Engine.Numerics;
using MovieRec.Core.Engine.Scoring;
using MovieRec.Core.Engine.Neighbourhood;
using MovieRec.Core.Ratings;

static List<Rating> Load(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
{
    var f = l.Split(','); return new Rating(int.Parse(f[0]), int.Parse(f[1]), float.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3]));
}).ToList();

static TrainerOptions Options(IEnumerable<string> settings)
{
    object o = new TrainerOptions();
    foreach (var s in settings)
    {
        var (k, v) = (s.Split('=')[0], s.Split('=')[1]);
        var p = typeof(TrainerOptions).GetProperty(k) ?? throw new ArgumentException(k);
        p.SetValue(o, p.PropertyType.IsEnum ? Enum.Parse(p.PropertyType, v) : Convert.ChangeType(v, p.PropertyType, CultureInfo.InvariantCulture));
    }
    return (TrainerOptions)o;
}

var fit = Load(args[0]); var valid = Load(args[1]);
if (Environment.GetEnvironmentVariable("FITTIME") is not null)
{
    var all = fit.ToArray();
    for (int round = 0; round < 3; round++)
    {
        var c = System.Diagnostics.Stopwatch.StartNew();
        var m0 = ModelTrainer.Train(all, new TrainerOptions { NeighboursKept = 0, EaseItems = 0 });
        double t0 = c.Elapsed.TotalSeconds; c.Restart();
        var mat = RatingMatrix.Build(all);
        var nb = NeighbourFit.Fit(mat, m0.Biases, new TrainerOptions());
        double tn = c.Elapsed.TotalSeconds; c.Restart();
        var defaults = new TrainerOptions();
        MovieRec.Core.Engine.Ease.EaseFit.Fit(mat, defaults.EaseItems, defaults.EaseLambda, defaults.EffectiveThreads);
        Console.WriteLine($"round {round}: model without neighbours {t0:F2} s, neighbour fit {tn:F2} s, EASE fit ({defaults.EaseItems} movies) {c.Elapsed.TotalSeconds:F2} s");
    }
    return;
}
var settings = args.Skip(2).ToList();
var clock = System.Diagnostics.Stopwatch.StartNew();
var model = ModelTrainer.Train(fit.ToArray(), Options(settings));
Console.WriteLine($"train {clock.Elapsed.TotalSeconds:F1} s  [{string.Join(' ', settings)}]");
var rec = new Recommender(model);
int items = model.Items.Count;
var fitByUser = fit.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.ToList());
var profiles = fitByUser.ToDictionary(kv => kv.Key, kv => FoldIn.Compute(model, kv.Value.Select(r => (r.MovieId, (double)r.Value))));

// ---- item kNN on residuals (cosine over residuals, shrunk by co-support) ----
int kNeighbours = int.Parse(Environment.GetEnvironmentVariable("K") ?? "40"); double shrink = double.Parse(Environment.GetEnvironmentVariable("SHRINK") ?? "100"); int keep = int.Parse(Environment.GetEnvironmentVariable("M") ?? "100000"); double damp = double.Parse(Environment.GetEnvironmentVariable("DAMP") ?? "1");
var matrix = RatingMatrix.Build(fit.ToArray());
var itemOf = new int[matrix.Items.Count];
for (int n = 0; n < itemOf.Length; n++) itemOf[n] = model.Items.IndexOf(matrix.Items.IdOf(n));
bool product = Environment.GetEnvironmentVariable("PRODUCT") is not null;
var num = new float[product ? 1 : (long)items * items];
var co = new ushort[product ? 1 : (long)items * items];
var sq = new double[items];
var residual = new Dictionary<int, (int[] Items, float[] E)>();
foreach (var (u, rs) in fitByUser)
{
    var p = profiles[u];
    var its = rs.Select(r => model.Items.IndexOf(r.MovieId)).ToArray();
    var es = rs.Select((r, n) => (float)(r.Value - model.Mu - p.Bias - model.ItemBias[its[n]])).ToArray();
    residual[u] = (its, es);
    for (int a = 0; a < (product ? 0 : its.Length); a++)
    {
        sq[its[a]] += es[a] * es[a];
        long row = (long)its[a] * items;
        for (int b = 0; b < its.Length; b++) { num[row + its[b]] += es[a] * es[b]; co[row + its[b]]++; }
    }
}
var threshold = new float[items];
float SimRaw(int i, int j) { long x = (long)i * items + j; double d = Math.Sqrt(sq[i] * sq[j]); return d == 0 ? 0 : (float)(num[x] / d * co[x] / (co[x] + shrink)); }
if (!product && keep < items) for (int i = 0; i < items; i++) { var all = new float[items]; for (int j = 0; j < items; j++) all[j] = j == i ? float.NegativeInfinity : SimRaw(i, j); Array.Sort(all); threshold[i] = all[items - keep]; } else Array.Fill(threshold, float.NegativeInfinity);
float Sim(int i, int j) { var v = SimRaw(i, j); return v >= threshold[i] ? v : 0; }
float Unused(int i, int j) { long x = (long)i * items + j; double d = Math.Sqrt(sq[i] * sq[j]); return d == 0 ? 0 : (float)(num[x] / d * co[x] / (co[x] + shrink)); }
Console.WriteLine($"knn sims {clock.Elapsed.TotalSeconds:F1} s");

double Knn(int u, int i)
{
    var (its, es) = residual[u];
    var sims = new (float S, float E)[its.Length];
    for (int n = 0; n < its.Length; n++) sims[n] = (Sim(i, its[n]), es[n]);
    Array.Sort(sims, (a, b) => b.S.CompareTo(a.S));
    double s = 0, w = 0;
    for (int n = 0; n < Math.Min(kNeighbours, sims.Length); n++) { if (sims[n].S <= 0) break; s += sims[n].S * sims[n].E; w += sims[n].S; }
    return w == 0 ? 0 : s / (w + damp);
}

// ---- rating features per validation row ----
var rows = valid.Where(r => fitByUser.ContainsKey(r.UserId)).ToList();
var feats = new List<double[]>(); var ys = new List<double>(); var fold = new List<int>();
foreach (var r in rows)
{
    var p = profiles[r.UserId]; int i = model.Items.IndexOf(r.MovieId);
    double bias = model.Mu + p.Bias + (i >= 0 ? model.ItemBias[i] : 0);
    double dot = i >= 0 && p.RatingVector is { } w ? VectorMath.Dot(w, model.ItemFactors.Row(i)) : 0;
    double xy = i >= 0 && p.RankingVector is { } x && model.Ranking is { } rk ? VectorMath.Dot(x, rk.ItemFactors.Row(i)) : 0;
    double knn = i >= 0 ? (Environment.GetEnvironmentVariable("PRODUCT") is null ? Knn(r.UserId, i) : model.Neighbours!.Term(i, p.Rated!)) : 0;
    double lnU = Math.Log(1 + p.RatingCount), lnI = Math.Log(1 + (i >= 0 ? model.ItemRatingCounts[i] : 0));
    feats.Add([1, bias, dot, xy, knn, knn * lnU, dot * lnU, dot * lnI, knn * lnI]);
    ys.Add(r.Value); fold.Add(r.UserId % 2);
}
Console.WriteLine($"features {clock.Elapsed.TotalSeconds:F1} s");
double Clip(double v) => Math.Clamp(v, 0.5, 5.0);
double baseSse = 0; for (int n = 0; n < rows.Count; n++) { double e = Clip(feats[n][1] + feats[n][2]) - ys[n]; baseSse += e * e; }
Console.WriteLine($"served RMSE {Math.Sqrt(baseSse / rows.Count):F4}");
void Blend(string name, int[] cols)
{
    double sse = 0; var allW = new List<string>();
    for (int f = 0; f < 2; f++)
    {
        var idx = Enumerable.Range(0, rows.Count).Where(n => fold[n] != f).ToArray();
        var X = Matrix<double>.Build.Dense(idx.Length, cols.Length, (r, c) => feats[idx[r]][cols[c]]);
        var Y = Vector<double>.Build.Dense(idx.Length, r => ys[idx[r]]);
        var wv = X.TransposeThisAndMultiply(X).Solve(X.TransposeThisAndMultiply(Y));
        allW.Add(string.Join(",", wv.Select(v => v.ToString("F3"))));
        foreach (int n in Enumerable.Range(0, rows.Count).Where(n => fold[n] == f))
        { double pr = 0; for (int c = 0; c < cols.Length; c++) pr += wv[c] * feats[n][cols[c]]; double e = Clip(pr) - ys[n]; sse += e * e; }
    }
    Console.WriteLine($"{name,-28} CV RMSE {Math.Sqrt(sse / rows.Count):F4}  w {string.Join(" | ", allW)}");
}
Blend("1,bias,dot", [0, 1, 2]);
{ double sse=0; for (int f=0;f<2;f++){ var idx=Enumerable.Range(0,rows.Count).Where(n=>fold[n]!=f).ToArray(); double a=0,b=0; foreach(int n in idx){ double t=ys[n]-feats[n][1]-feats[n][2]; a+=t*feats[n][4]; b+=feats[n][4]*feats[n][4]; } double beta=a/b; foreach(int n in Enumerable.Range(0,rows.Count).Where(n=>fold[n]==f)){ double e=Clip(feats[n][1]+feats[n][2]+beta*feats[n][4])-ys[n]; sse+=e*e; } Console.WriteLine($"bias+dot+beta*knn beta {beta:F3}"); } Console.WriteLine($"bias+dot+beta*knn            CV RMSE {Math.Sqrt(sse/rows.Count):F4}"); }
Blend("1,bias,dot,xy", [0, 1, 2, 3]);
Blend("1,bias,dot,knn", [0, 1, 2, 4]);
Blend("1,bias,dot,xy,knn", [0, 1, 2, 3, 4]);
Blend("+knn*lnU,dot*lnU", [0, 1, 2, 3, 4, 5, 6]);
Blend("all", [0, 1, 2, 3, 4, 5, 6, 7, 8]);
{
    var X = Matrix<double>.Build.Dense(rows.Count, 4, (r, c) => feats[r][new[] { 0, 1, 2, 4 }[c]]);
    var Y = Vector<double>.Build.Dense(rows.Count, r => ys[r]);
    var wv = X.TransposeThisAndMultiply(X).Solve(X.TransposeThisAndMultiply(Y));
    Console.WriteLine($"LS weights on every validation row (intercept, baseline, factors, neighbours): {string.Join(",", wv.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}");
    double sse = 0; var served2 = new Recommender(model);
    foreach (var r in rows) { double e = served2.PredictRating(profiles[r.UserId], r.MovieId) - r.Value; sse += e * e; }
    Console.WriteLine($"product PredictRating RMSE with the model's own blend: {Math.Sqrt(sse / rows.Count):F4}");
}

// ---- NDCG@10 ----
var relevant = valid.Where(r => r.Value >= 4).GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.MovieId).ToHashSet());
var users = relevant.Keys.Where(fitByUser.ContainsKey).OrderBy(u => u).ToArray();
double Ndcg(int u, Func<int, double> score)
{
    var rated = residual[u].Items.ToHashSet();
    var s = new double[items]; for (int i = 0; i < items; i++) s[i] = rated.Contains(i) ? double.NegativeInfinity : score(i);
    var top = Enumerable.Range(0, items).Where(i => !rated.Contains(i)).OrderByDescending(i => s[i]).ThenBy(i => model.Items.IdOf(i)).Take(10).ToArray();
    var rel = relevant[u]; double dcg = 0, ideal = 0;
    for (int n = 0; n < top.Length; n++) if (rel.Contains(model.Items.IdOf(top[n]))) dcg += 1 / Math.Log2(n + 2);
    for (int n = 0; n < Math.Min(10, rel.Count); n++) ideal += 1 / Math.Log2(n + 2);
    return dcg / ideal;
}
double served = 0, rankingOnly = 0;
foreach (int u in users)
{
    var sc = rec.ScoreAll(profiles[u]); served += Ndcg(u, i => sc[i]);
    if (profiles[u].RankingVector is { } x) { var xs = x; rankingOnly += Ndcg(u, i => VectorMath.Dot(xs, model.Ranking!.ItemFactors.Row(i))); }
}
Console.WriteLine($"NDCG@10 served {served / users.Length:F4}  ranking alone {rankingOnly / users.Length:F4}  ({users.Length} users)");
double Support(int i, RatedResiduals rated)
{
    var nb = model.Neighbours!; double sum = 0; int found = 0;
    for (int n = i * nb.PerItem; n < (i + 1) * nb.PerItem && found < nb.Used; n++)
    { if (nb.Neighbours[n] < 0) break; if (float.IsNaN(rated.Of(nb.Neighbours[n]))) continue; sum += nb.Similarities[n]; found++; }
    return sum;
}
if (Environment.GetEnvironmentVariable("RERANK") is { } betas)
{
    static double Sd(double[] v) { double m = v.Average(); return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / v.Length); }
    var bs = betas.Split(',').Select(b => double.Parse(b, CultureInfo.InvariantCulture)).ToArray();
    var plainSums = new double[bs.Length]; var blendSums = new double[bs.Length];
    var blend = model.Blend;
    foreach (int u in users)
    {
        var p = profiles[u]; var x = p.RankingVector!; var w = p.RatingVector!;
        var xy = new double[items]; var plain = new double[items]; var blended = new double[items];
        for (int i = 0; i < items; i++)
        {
            xy[i] = VectorMath.Dot(x, model.Ranking!.ItemFactors.Row(i));
            double dot = VectorMath.Dot(w, model.ItemFactors.Row(i));
            plain[i] = model.ItemBias[i] + dot;
            blended[i] = blend.Combine(model.ItemBias[i], dot, model.Neighbours!.Term(i, p.Rated!));
        }
        double sx = Sd(xy), sp = Sd(plain), sb = Sd(blended);
        for (int k = 0; k < bs.Length; k++)
        {
            double beta = bs[k];
            plainSums[k] += Ndcg(u, i => xy[i] / sx + beta * plain[i] / sp);
            blendSums[k] += Ndcg(u, i => xy[i] / sx + beta * blended[i] / sb);
        }
    }
    var rs = (Environment.GetEnvironmentVariable("R") ?? "100").Split(',').Select(int.Parse).ToArray();
    var rerank = new double[rs.Length, bs.Length];
    foreach (int u in users)
    {
        var p = profiles[u]; var x = p.RankingVector!; var w = p.RatingVector!;
        var sc = rec.ScoreAll(p);
        var rated = residual[u].Items.ToHashSet();
        var order = Enumerable.Range(0, items).Where(i => !rated.Contains(i)).OrderByDescending(i => sc[i]).ThenBy(i => model.Items.IdOf(i)).ToArray();
        var xy = new double[items]; var plain = new double[items];
        for (int i = 0; i < items; i++) { xy[i] = VectorMath.Dot(x, model.Ranking!.ItemFactors.Row(i)); plain[i] = model.ItemBias[i] + VectorMath.Dot(w, model.ItemFactors.Row(i)); }
        double sx = Sd(xy), sp = Sd(plain);
        for (int a = 0; a < rs.Length; a++)
        {
            var cand = order.Take(rs[a]).ToArray();
            var bl = cand.ToDictionary(i => i, i => blend.Combine(model.ItemBias[i], VectorMath.Dot(w, model.ItemFactors.Row(i)), model.Neighbours!.Term(i, p.Rated!)));
            for (int k = 0; k < bs.Length; k++)
            {
                double beta = bs[k];
                rerank[a, k] += Ndcg(u, i => bl.TryGetValue(i, out var b) ? 1000 + xy[i] / sx + 0.7 * b / sp + beta * Support(i, p.Rated!) : sc[i]);
            }
        }
    }
    for (int a = 0; a < rs.Length; a++) for (int k = 0; k < bs.Length; k++) Console.WriteLine($"rerank top {rs[a]} beta {bs[k]}: {rerank[a, k] / users.Length:F4}");
    for (int k = 0; k < bs.Length; k++) Console.WriteLine($"beta {bs[k]}: plain rating part {plainSums[k] / users.Length:F4}  blended rating {blendSums[k] / users.Length:F4}");
}
