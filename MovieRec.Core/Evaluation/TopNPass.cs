using MovieRec.Core.Engine.Scoring;

namespace MovieRec.Core.Evaluation;

/// <summary>
/// The expensive part of an evaluation: scoring every candidate for every evaluated user and
/// keeping the top k, in parallel over users. Each user's list lands in its own slot, so the
/// result does not depend on the number of threads or on the order they finish in.
/// </summary>
internal static class TopNPass
{
    /// <summary>The top-k list of each of <see cref="EvaluationData.EvaluatedUsers"/>, in the same order, best first.</summary>
    public static int[][] Recommend(EvaluationData data, IEvaluatedModel model, int k, int degreeOfParallelism)
    {
        IReadOnlyList<int> users = data.EvaluatedUsers;
        var lists = new int[users.Count][];
        Parallel.For(
            0,
            users.Count,
            new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism },
            () => new Workspace(data.CatalogSize, k),
            (position, _, workspace) =>
            {
                lists[position] = workspace.TopN(data, model, users[position]);
                return workspace;
            },
            _ => { });
        return lists;
    }

    /// <summary>Buffers one thread reuses from user to user, so the pass allocates only the lists it returns.</summary>
    private sealed class Workspace(int catalogSize, int k)
    {
        private readonly int[] _candidates = new int[catalogSize];
        private readonly double[] _scores = new double[catalogSize];
        private readonly int[] _bestIds = new int[k];
        private readonly double[] _bestScores = new double[k];

        public int[] TopN(EvaluationData data, IEvaluatedModel model, int userId)
        {
            if (model is IListsPicks served)
                return served.TopN(userId, _bestIds.Length);
            int candidateCount = data.WriteCandidates(userId, _candidates);
            ReadOnlySpan<int> candidates = _candidates.AsSpan(0, candidateCount);
            Span<double> scores = _scores.AsSpan(0, candidateCount);
            model.ScoreCandidates(userId, candidates, scores);
            int count = TopNSelector.SelectInto<double>(scores, candidates, _bestIds, _bestScores, NaNScores.RankLast);
            return _bestIds.AsSpan(0, count).ToArray();
        }
    }
}
