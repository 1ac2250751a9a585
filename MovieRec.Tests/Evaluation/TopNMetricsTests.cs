using MovieRec.Core.Evaluation;
using static MovieRec.Tests.Evaluation.TinyData;

namespace MovieRec.Tests.Evaluation;

public class TopNMetricsTests
{
    // Movie ids 1..10 in rank order: movie r sits at rank r.
    private static readonly int[] OneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Fact]
    public void Precision_and_recall_count_hits_in_the_top_k()
    {
        // relevant {2, 5, 11}: 2 and 5 are in the list, 11 is not -> 2 hits
        IReadOnlySet<int> relevant = Set(2, 5, 11);
        Assert.Equal(2, TopNMetrics.Hits(OneToTen, relevant, 10));
        Assert.Equal(0.2, TopNMetrics.Precision(OneToTen, relevant, 10), 1e-12); // 2 / 10
        Assert.Equal(2.0 / 3.0, TopNMetrics.Recall(OneToTen, relevant, 10), 1e-12); // 2 / |{2, 5, 11}|
    }

    [Fact]
    public void Only_the_first_k_entries_count()
    {
        // 11 is relevant but sits at rank 11 of an 11-long list: outside the top 10
        int[] eleven = [.. OneToTen, 11];
        Assert.Equal(0, TopNMetrics.Hits(eleven, Set(11), 10));
        Assert.False(TopNMetrics.IsHit(eleven, Set(11), 10));
        Assert.Equal(0.0, TopNMetrics.Ndcg(eleven, Set(11), 10));
    }

    [Fact]
    public void Precision_of_a_short_list_still_divides_by_k()
    {
        // 1 hit in a 2-long list: 1 / 10, not 1 / 2
        Assert.Equal(0.1, TopNMetrics.Precision([1, 2], Set(1), 10), 1e-12);
    }

    [Fact]
    public void Recall_is_not_capped_at_k()
    {
        // 12 relevant, all 10 slots hit: 10 / 12
        IReadOnlySet<int> relevant = Set([.. OneToTen, 11, 12]);
        Assert.Equal(10.0 / 12.0, TopNMetrics.Recall(OneToTen, relevant, 10), 1e-12);
    }

    [Fact]
    public void Hit_means_at_least_one_relevant_item_in_the_top_k()
    {
        Assert.True(TopNMetrics.IsHit(OneToTen, Set(10), 10));
        Assert.False(TopNMetrics.IsHit(OneToTen, Set(42), 10));
    }

    [Fact]
    public void Ndcg_with_fewer_relevant_items_than_k()
    {
        // relevant {3, 7}: hits at ranks 3 and 7
        // DCG  = 1/log2(3+1) + 1/log2(7+1) = 1/2 + 1/3 = 0.8333333333
        // IDCG = 2 hits at ranks 1, 2 = 1/log2(2) + 1/log2(3) = 1 + 0.6309297536 = 1.6309297536
        // NDCG = 0.8333333333 / 1.6309297536 = 0.5109559940
        Assert.Equal(0.5109559939712153, TopNMetrics.Ndcg(OneToTen, Set(3, 7), 10), 1e-12);
    }

    [Fact]
    public void Ndcg_with_more_relevant_items_than_k()
    {
        // 12 relevant, of which 1 and 2 are at ranks 1 and 2
        // DCG  = 1 + 1/log2(3) = 1.6309297536
        // IDCG = min(12, 10) = 10 hits: sum over r = 1..10 of 1/log2(r+1)
        //      = 1 + .6309297536 + .5 + .4306765581 + .3868528072 + .3562071871
        //        + .3333333333 + .3154648768 + .3010299957 + .2890648263 = 4.5435593381
        // NDCG = 1.6309297536 / 4.5435593381 = 0.3589542102
        IReadOnlySet<int> relevant = Set(1, 2, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110);
        Assert.Equal(0.3589542101716347, TopNMetrics.Ndcg(OneToTen, relevant, 10), 1e-12);
    }

    [Fact]
    public void Ndcg_of_an_ideal_list_is_one()
    {
        Assert.Equal(1.0, TopNMetrics.Ndcg(OneToTen, Set(1, 2, 3), 10), 1e-12);
        Assert.Equal(1.0, TopNMetrics.Ndcg(OneToTen, Set([.. OneToTen, 11, 12]), 10), 1e-12);
    }

    [Fact]
    public void Recall_and_ndcg_are_undefined_without_relevant_items()
    {
        Assert.Throws<ArgumentException>(() => TopNMetrics.Recall(OneToTen, Set(), 10));
        Assert.Throws<ArgumentException>(() => TopNMetrics.Ndcg(OneToTen, Set(), 10));
    }
}
