package org.meridian.outcomes.service;

import org.meridian.outcomes.persistence.AssessmentEntity;

/** The stored assessment, and whether this call created it (false: a replay of an earlier submission). */
public record SubmissionResult(AssessmentEntity assessment, boolean created) {}
