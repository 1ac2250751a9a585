using MovieRec.Core.Engine.Ease;

namespace MovieRec.Core.Engine.Scoring;

/// <summary>
/// The EASE part of one person's pick score: gamma_u e_a for each movie a of the model's EASE set
/// (gamma_u from <see cref="ScoringIndex.PersonalEaseWeight"/>; the part is 0 outside the set). The
/// one owner of that product: the full pass over the catalogue (<see cref="Recommender.ScoreAll"/>,
/// which the evaluation reads) and the served top-N (<see cref="Recommender.Recommend"/>) both add
/// <see cref="At"/>, so the two agree to the bit.
/// </summary>
public sealed class EaseTerm
{
    private readonly float[] _scores;

    private EaseTerm(EaseModel ease, float[] scores, double weight)
    {
        Ease = ease;
        _scores = scores;
        Weight = weight;
    }

    /// <summary>The person's EASE part, or null when it adds nothing (no EASE in the model, no EASE scores in the profile, or a zero weight).</summary>
    public static EaseTerm? For(ModelSnapshot model, ScoringIndex index, UserProfile profile) =>
        model.Ease is { } ease && profile.EaseScores is { } scores && index.PersonalEaseWeight(profile, model.Options.EaseWeight) is var weight and > 0
            ? new EaseTerm(ease, scores, weight)
            : null;

    public EaseModel Ease { get; }

    /// <summary>gamma_u.</summary>
    public double Weight { get; }

    /// <summary>gamma_u e_a, in the single precision of the pick score, for position <paramref name="position"/> of the EASE set.</summary>
    public float At(int position) => (float)(Weight * _scores[position]);

    /// <summary>Adds the part to <paramref name="scores"/>, indexed by dense item index.</summary>
    public void AddTo(Span<float> scores)
    {
        for (int a = 0; a < Ease.Count; a++) scores[Ease.Items[a]] += At(a);
    }
}
