package org.meridian.outcomes.domain.progress;

/** The first assessment at which the patient met the responder rule, and how many sessions had been held before it. */
public record FirstResponse(ScoredPoint point, int sessionsBefore) {}
