package org.meridian.outcomes.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.domain.LinkStatus;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.metrics.SubmissionContext;
import org.meridian.outcomes.metrics.SubmissionMetrics;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.scoring.IncompleteDraft;
import org.meridian.outcomes.scoring.ItemProblem;
import org.meridian.outcomes.scoring.Rejection;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.ScoringOutcome;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.RecallPeriod;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.web.problem.ConflictException;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.FieldProblem;
import org.meridian.platform.web.problem.InvalidRequestException;
import org.meridian.platform.web.problem.PreconditionFailedException;
import org.meridian.platform.web.problem.ProblemException;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * Accepts, scores and stores questionnaire submissions. Retried submissions (same idempotency key) never create
 * a second row: the database's unique constraint decides, not a read before the write.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    /** Clocks of phones drift: an answer time slightly in the future is accepted. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final AssessmentRepository assessments;
    private final InstrumentRegistry instruments;
    private final AssessmentLinker linker;
    private final KnownPatients patients;
    private final ObjectMapper json;
    private final Clock clock;
    private final SubmissionMetrics metrics;
    private final SubmissionContext submission;

    AssessmentService(
            AssessmentRepository assessments,
            InstrumentRegistry instruments,
            AssessmentLinker linker,
            KnownPatients patients,
            ObjectMapper json,
            Clock clock,
            SubmissionMetrics metrics,
            SubmissionContext submission) {
        this.assessments = assessments;
        this.instruments = instruments;
        this.linker = linker;
        this.patients = patients;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.submission = submission;
    }

    /**
     * Stores a submission, or answers a retry with what its first call stored. Nothing is looked up before a new
     * submission is stored: the insert itself finds a retry (the unique idempotency key), which saves new submissions,
     * the usual case, a statement. A retry is answered from the stored assessment also when its answers would be
     * refused now, as a retry always was, and without waiting for intake; one with other answers under the same key is
     * a 409.
     */
    public SubmissionResult submit(SubmissionCommand command) {
        InstrumentDefinition instrument = resolveInstrument(command.instrumentCode(), command.instrumentVersion());
        submission.instrument(instrument.code());
        String fingerprint = RequestFingerprint.of(command, instrument.version());
        AssessmentEntity row;
        try {
            row = newAssessment(command, instrument, fingerprint);
        } catch (StoredBefore retry) {
            return replay(retry.earlier, fingerprint);
        } catch (ProblemException refused) {
            return earlierSubmission(command, fingerprint).orElseThrow(() -> refused);
        }
        if (assessments.insertIfAbsent(row)) {
            // The access log and the submission metrics already record every submission; a link still to complete is
            // worth a line of its own, a routine one is not (a log line was 2 % of a submission's CPU).
            Log.logf(
                    row.linkStatus == LinkStatus.LINKED ? Logger.Level.DEBUG : Logger.Level.INFO,
                    "Stored %s assessment %s (%s %s, %s, link %s)",
                    row.status,
                    row.id,
                    row.instrumentCode,
                    row.instrumentVersion,
                    row.timepoint,
                    row.linkStatus);
            return new SubmissionResult(row, true);
        }
        // A retry, or a concurrent submission with the same key that won the insert (and has committed).
        return earlierSubmission(command, fingerprint)
                .orElseThrow(() -> new IllegalStateException("idempotent insert lost its row"));
    }

    /**
     * Ends the linking of a retry whose first call is stored before intake is asked about its patient: the answer is
     * the stored one anyway, and intake may be slow or down, which is when apps retry.
     */
    private static final class StoredBefore extends RuntimeException {
        final transient AssessmentEntity earlier;

        StoredBefore(AssessmentEntity earlier) {
            super(null, null, false, false);
            this.earlier = earlier;
        }
    }

    private void throwIfStoredBefore(SubmissionCommand command) {
        storedUnderKey(command).ifPresent(earlier -> {
            throw new StoredBefore(earlier);
        });
    }

    private Optional<SubmissionResult> earlierSubmission(SubmissionCommand command, String fingerprint) {
        return storedUnderKey(command).map(earlier -> replay(earlier, fingerprint));
    }

    /** The assessment an earlier call stored under this call's idempotency key, if any. */
    private Optional<AssessmentEntity> storedUnderKey(SubmissionCommand command) {
        if (command.idempotencyKey() == null) {
            return Optional.empty();
        }
        return assessments.findByIdempotencyKey(command.clinicId(), command.pseudonymId(), command.idempotencyKey());
    }

    private AssessmentEntity newAssessment(
            SubmissionCommand command, InstrumentDefinition instrument, String fingerprint) {
        validateTimepoint(command);
        RecallPeriod recall = recallPeriod(instrument, command.timepoint(), command.recallPeriod());
        ScoringOutcome outcome = score(instrument, command.answers(), command.draft());
        if (outcome instanceof Rejection rejection) {
            submission.unscorable();
            throw rejected(instrument, rejection);
        }
        AssessmentLinker.Link link = linker.linkNewSubmission(
                new AssessmentLinker.Reference(
                        command.clinicId(),
                        command.pseudonymId(),
                        command.timepoint(),
                        command.sessionId(),
                        command.episodeId(),
                        command.answeredAt()),
                () -> throwIfStoredBefore(command));

        Instant now = clock.instant();
        AssessmentEntity row = new AssessmentEntity();
        row.id = UUID.randomUUID();
        row.clinicId = command.clinicId();
        row.pseudonymId = command.pseudonymId();
        row.instrumentCode = instrument.code();
        row.instrumentVersion = instrument.version();
        row.recallPeriod = recall.name();
        row.timepoint = command.timepoint();
        row.episodeId = link.episodeId();
        row.sessionId = command.sessionId();
        row.followUpWeeks = command.followUpWeeks();
        row.answeredAt = command.answeredAt();
        row.receivedAt = now;
        row.updatedAt = now;
        row.answers = toJson(normalisedAnswers(instrument, command.answers()));
        applyOutcome(row, outcome);
        row.late = link.late();
        row.linkStatus = link.status();
        row.idempotencyKey = command.idempotencyKey();
        row.requestHash = fingerprint;
        row.submittedBy = command.submittedBy();
        return row;
    }

    /** An assessment of a patient the clinic knows (a patient it does not know is a 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AssessmentEntity> find(UUID clinicId, UUID pseudonymId, UUID id) {
        patients.require(clinicId, pseudonymId);
        return assessments.findOfPatient(clinicId, pseudonymId, id);
    }

    /** The assessments of a patient the clinic knows (a patient it does not know is a 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<AssessmentEntity> search(AssessmentRepository.Filter filter, int page, int size) {
        patients.require(filter.clinicId(), filter.pseudonymId());
        return new PageOf<>(assessments.search(filter, page, size), page, size, assessments.countMatching(filter));
    }

    /**
     * Completes (or further fills) a draft. Only drafts change; {@code expectedVersion} must be the current version
     * (If-Match). Answers that cannot be scored leave the draft unchanged unless saved as a draft again.
     */
    public AssessmentEntity completeDraft(
            UUID clinicId,
            UUID pseudonymId,
            UUID id,
            Map<String, Object> answers,
            Instant answeredAt,
            boolean draft,
            long expectedVersion) {
        patients.require(clinicId, pseudonymId);
        AssessmentEntity row = assessments
                .findOfPatient(clinicId, pseudonymId, id)
                .orElseThrow(() -> new org.meridian.platform.web.problem.ResourceNotFoundException("assessment", id));
        if (row.version != expectedVersion) {
            throw new PreconditionFailedException("Assessment " + id + " is at version " + row.version + ", not "
                    + expectedVersion + ": read it again before changing it");
        }
        if (row.status != AssessmentStatus.DRAFT) {
            throw new ConflictException("Assessment " + id + " is scored; only drafts can be changed");
        }
        if (answeredAt != null) {
            requireNotInFuture(answeredAt);
        }
        InstrumentDefinition instrument = instruments
                .find(row.instrumentCode, row.instrumentVersion)
                .orElseThrow(() -> new IllegalStateException("stored instrument version is no longer registered"));
        ScoringOutcome outcome = score(instrument, answers, draft);
        if (outcome instanceof Rejection rejection) {
            throw rejected(instrument, rejection);
        }
        row.answers = toJson(normalisedAnswers(instrument, answers));
        if (answeredAt != null) {
            row.answeredAt = answeredAt;
            AssessmentLinker.Link link = linker.link(new AssessmentLinker.Reference(
                    row.clinicId, row.pseudonymId, row.timepoint, row.sessionId, row.episodeId, row.answeredAt));
            row.late = link.late();
        }
        applyOutcome(row, outcome);
        row.updatedAt = clock.instant();
        assessments.flush();
        return row;
    }

    /** Scores (a draft may miss items), counting what produced no score. */
    private ScoringOutcome score(InstrumentDefinition instrument, Map<String, Object> answers, boolean draft) {
        ScoringOutcome outcome;
        try {
            outcome = draft
                    ? instruments.engine().scoreDraft(instrument, answers)
                    : instruments.engine().score(instrument, answers);
        } catch (RuntimeException e) {
            metrics.scoringFailed(instrument.code(), SubmissionMetrics.ScoringFailure.ERROR);
            throw e;
        }
        if (outcome instanceof Rejection) {
            metrics.scoringFailed(instrument.code(), SubmissionMetrics.ScoringFailure.REJECTED);
        }
        return outcome;
    }

    private SubmissionResult replay(AssessmentEntity earlier, String fingerprint) {
        if (!fingerprint.equals(earlier.requestHash)) {
            throw new ConflictException("Idempotency key '" + earlier.idempotencyKey
                    + "' was already used for a different submission (assessment " + earlier.id
                    + "); use a new key for new answers");
        }
        return new SubmissionResult(earlier, false);
    }

    private InstrumentDefinition resolveInstrument(String code, String version) {
        if (instruments.findCurrent(code).isEmpty()) {
            throw new UnprocessableException(
                    "Unknown instrument '" + code + "'",
                    List.of(new FieldProblem("instrumentCode", ErrorCode.NOT_FOUND, "is not a registered instrument")));
        }
        if (version == null) {
            return instruments.findCurrent(code).orElseThrow();
        }
        return instruments
                .find(code, version)
                .orElseThrow(() -> new UnprocessableException(
                        "Instrument " + code + " has no version '" + version + "'",
                        List.of(new FieldProblem(
                                "instrumentVersion", ErrorCode.NOT_FOUND, "is not a registered version of " + code))));
    }

    private void validateTimepoint(SubmissionCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        Timepoint timepoint = command.timepoint();
        if (timepoint.needsSession() && command.sessionId() == null) {
            problems.add(new FieldProblem("sessionId", ErrorCode.REQUIRED, "is required for timepoint " + timepoint));
        }
        if (!timepoint.needsSession() && command.sessionId() != null) {
            problems.add(new FieldProblem(
                    "sessionId", ErrorCode.NOT_ALLOWED, "is only allowed for PRE_SESSION and POST_SESSION"));
        }
        if (timepoint == Timepoint.FOLLOW_UP && command.followUpWeeks() == null) {
            problems.add(new FieldProblem("followUpWeeks", ErrorCode.REQUIRED, "is required for timepoint FOLLOW_UP"));
        }
        if (timepoint != Timepoint.FOLLOW_UP && command.followUpWeeks() != null) {
            problems.add(new FieldProblem("followUpWeeks", ErrorCode.NOT_ALLOWED, "is only allowed for FOLLOW_UP"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        requireNotInFuture(command.answeredAt());
    }

    private void requireNotInFuture(Instant answeredAt) {
        if (answeredAt.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new InvalidRequestException("answeredAt", ErrorCode.OUT_OF_RANGE, "must not be in the future");
        }
    }

    /** The recall period asked: the client's, else "right now" around a session where allowed, else the default. */
    private static RecallPeriod recallPeriod(InstrumentDefinition instrument, Timepoint timepoint, String requested) {
        if (requested != null) {
            return instrument.recallPeriods().stream()
                    .filter(period -> period.name().equals(requested))
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException(
                            "recallPeriod",
                            ErrorCode.NOT_AN_OPTION,
                            "must be one of " + instrument.recallPeriods() + " for " + instrument.label()));
        }
        if (timepoint.needsSession() && instrument.recallPeriods().contains(RecallPeriod.RIGHT_NOW)) {
            return RecallPeriod.RIGHT_NOW;
        }
        return instrument.recallPeriods().getFirst();
    }

    private static UnprocessableException rejected(InstrumentDefinition instrument, Rejection rejection) {
        List<FieldProblem> problems = rejection.problems().stream()
                .map(problem ->
                        new FieldProblem("answers." + problem.itemCode(), codeOf(problem.reason()), problem.message()))
                .toList();
        String fields = problems.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
        return new UnprocessableException(
                instrument.label() + " cannot be scored under policy " + rejection.policyId() + ": " + fields,
                problems);
    }

    /** docs/conventions.md#error-codes: each reason an answer cannot be scored, as the API's code. */
    static ErrorCode codeOf(ItemProblem.Reason reason) {
        return switch (reason) {
            case MISSING -> ErrorCode.REQUIRED;
            case NOT_A_NUMBER -> ErrorCode.NOT_A_NUMBER;
            case NOT_AN_INTEGER -> ErrorCode.NOT_AN_INTEGER;
            case OUT_OF_RANGE -> ErrorCode.OUT_OF_RANGE;
            case NOT_AN_OPTION -> ErrorCode.NOT_AN_OPTION;
            case UNKNOWN_ITEM -> ErrorCode.UNKNOWN_ITEM;
        };
    }

    private void applyOutcome(AssessmentEntity row, ScoringOutcome outcome) {
        row.policyId = outcome.policyId();
        switch (outcome) {
            case Score score -> {
                row.status = AssessmentStatus.SCORED;
                row.scoreExact = score.exactValue().toString();
                row.scoreValue = score.value();
                row.scoreDetails = toJson(score.details());
                row.itemsMissing = toJson(score.itemsMissing());
            }
            case IncompleteDraft incomplete -> {
                row.status = AssessmentStatus.DRAFT;
                row.scoreExact = null;
                row.scoreValue = null;
                row.scoreDetails = null;
                row.itemsMissing = toJson(incomplete.itemsMissing());
            }
            case Rejection rejection -> throw new IllegalStateException("rejections are handled before storing");
        }
    }

    /** Every item of the version, in order, with its integer code or null (missing and "not applicable"). */
    private static Map<String, Integer> normalisedAnswers(
            InstrumentDefinition instrument, Map<String, Object> answers) {
        Map<String, Integer> normalised = new LinkedHashMap<>();
        for (String item : instrument.itemCodes()) {
            Object value = answers.get(item);
            normalised.put(
                    item,
                    value == null
                            ? null
                            : new BigDecimal(value.toString())
                                    .stripTrailingZeros()
                                    .intValueExact());
        }
        return normalised;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
