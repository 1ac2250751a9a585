namespace MovieRec.Web.Models.Experiments;

/// <summary>The experiment's candidate version, loaded, and the share of people it serves.</summary>
public sealed record CandidateModel(string Version, double Share, ActiveModel Model);
