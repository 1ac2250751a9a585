namespace MovieRec.Core.Evaluation;

/// <summary>
/// A system under test that builds a person's top-k list itself, as it serves it, instead of
/// scoring the evaluator's candidates: the evaluator then measures exactly that list.
/// </summary>
public interface IListsPicks
{
    /// <summary>The user's top-k movie ids, best first. Called for several users at once from different threads.</summary>
    int[] TopN(int userId, int k);
}
