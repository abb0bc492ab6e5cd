package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.meridian.outcomes.config.ScheduleConfig;
import org.meridian.outcomes.domain.LinkStatus;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.persistence.ProjectedEpisode;
import org.meridian.outcomes.persistence.ProjectedSession;
import org.meridian.outcomes.persistence.ProjectionRepository;
import org.meridian.outcomes.persistence.ProjectionRepository.EpisodeStart;
import org.meridian.outcomes.persistence.ProjectionRepository.Placement;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.FieldProblem;
import org.meridian.platform.web.problem.ResourceNotFoundException;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * Links an assessment to the patient, episode and session that intake's events describe. Unknown references are
 * not an error (the events may not have arrived yet): the link is PENDING and is completed when they arrive.
 */
@ApplicationScoped
public class AssessmentLinker {

    /** A baseline taken up to this long before an episode's start date belongs to that episode. */
    public static final Duration BASELINE_LEAD = Duration.ofDays(14);

    private final ProjectionRepository projection;
    private final IssuedPseudonyms issued;
    private final Duration postSessionWindow;

    AssessmentLinker(ProjectionRepository projection, IssuedPseudonyms issued, ScheduleConfig schedule) {
        this.projection = projection;
        this.issued = issued;
        this.postSessionWindow = schedule.postSessionWindow();
    }

    public record Reference(
            UUID clinicId, UUID pseudonymId, Timepoint timepoint, UUID sessionId, UUID episodeId, Instant answeredAt) {}

    public record Link(LinkStatus status, UUID episodeId, boolean late, String mismatch) {}

    /**
     * For a new submission: a patient the feed has not announced in the clinic is asked about at intake, and one intake
     * never issued there (nobody's, or another clinic's patient) is not found (404), like a patient the feed placed in
     * another clinic; while intake cannot answer, the submission is kept (PENDING) rather than lost. A session or
     * episode of another patient is unprocessable (422); unknown ones give a PENDING link. {@code beforeAskingIntake}
     * runs just before intake is asked (a call that can wait), and may end the linking by throwing. The placement is
     * read under the patient's link lock, which the transaction holds until it ends, so that the feed's page about the
     * patient is applied wholly before or wholly after this submission ({@link ProjectionRepository#placement}).
     */
    public Link linkNewSubmission(Reference reference, Runnable beforeAskingIntake) {
        Placement known = projection.placement(reference.clinicId(), reference.pseudonymId());
        boolean announcedHere = known.clinicOfPatient()
                .map(clinic -> clinic.equals(reference.clinicId()))
                .orElse(false);
        if (!announcedHere) {
            beforeAskingIntake.run();
            if (issued.ask(reference.clinicId(), reference.pseudonymId()) == IssuedPseudonyms.Answer.NOT_ISSUED) {
                throw new ResourceNotFoundException("patient", reference.pseudonymId());
            }
        }
        Link link = link(reference, known.clinicOfPatient(), known::episodes, true);
        if (link.status() == LinkStatus.LINKED && reference.timepoint() == Timepoint.FOLLOW_UP) {
            requireEpisodeToFollow(reference, link, known.episodes());
        }
        if (link.status() == LinkStatus.MISMATCH) {
            if (link.mismatch().equals("pseudonymId")) {
                throw new ResourceNotFoundException("patient", reference.pseudonymId());
            }
            throw new UnprocessableException(
                    "The submission refers to data of another patient",
                    java.util.List.of(
                            new FieldProblem(link.mismatch(), ErrorCode.INCONSISTENT, "is not one of this patient's")));
        }
        return link;
    }

    /**
     * docs/scoring.md#follow-ups: a follow-up counts weeks from an episode's start, so the patient needs an episode
     * that started on or before the day it was answered (UTC, as {@link #episodeAt}). Called only for a LINKED
     * reference: when the patient or the named episode has not reached the projection yet, outcomes cannot tell "no
     * episode" from "not heard of it yet", and the submission is stored PENDING instead.
     */
    private void requireEpisodeToFollow(Reference reference, Link link, List<EpisodeStart> episodes) {
        LocalDate answered = reference.answeredAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (reference.episodeId() != null) {
            oneOf(episodes, reference.episodeId())
                    .or(() -> projection.episode(reference.episodeId()).map(EpisodeStart::of))
                    .filter(named ->
                            named.startDate() != null && named.startDate().isAfter(answered))
                    .ifPresent(named -> {
                        throw new UnprocessableException(
                                "episodeId",
                                ErrorCode.NO_EPISODE,
                                "starts on " + named.startDate() + ", after this follow-up was answered (" + answered
                                        + "): a follow-up counts weeks from the start of an episode");
                    });
            return;
        }
        if (link.episodeId() != null) {
            return;
        }
        boolean startUnknown = episodes.stream().anyMatch(episode -> episode.startDate() == null);
        if (!startUnknown) {
            throw new UnprocessableException(
                    "followUpWeeks",
                    ErrorCode.NO_EPISODE,
                    "counts weeks from the start of a treatment episode, and this patient has no episode in this"
                            + " clinic that started on or before " + answered + " (UTC); if the clinic records one,"
                            + " submit again with the same Idempotency-Key");
        }
    }

    /** Re-evaluates a stored link after new events; contradictions become MISMATCH (the assessment is kept). */
    public Link link(Reference reference) {
        return link(
                reference,
                projection.patient(reference.pseudonymId()).map(patient -> patient.clinicId),
                () -> projection.episodesOfPatient(reference.clinicId(), reference.pseudonymId()).stream()
                        .map(EpisodeStart::of)
                        .toList(),
                false);
    }

    /**
     * {@code clinicOfPatient}: where the projection placed the patient (empty: not announced yet); {@code episodes}:
     * the patient's episodes in the reference's clinic, by start date, read only when needed; {@code episodesAtHand}:
     * they are already read, so an episode among them needs no lookup of its own.
     */
    private Link link(
            Reference reference,
            Optional<UUID> clinicOfPatient,
            Supplier<List<EpisodeStart>> episodes,
            boolean episodesAtHand) {
        if (clinicOfPatient.isPresent() && !clinicOfPatient.get().equals(reference.clinicId())) {
            return new Link(LinkStatus.MISMATCH, reference.episodeId(), false, "pseudonymId");
        }
        boolean pending = clinicOfPatient.isEmpty();
        UUID episodeId = reference.episodeId();
        boolean late = false;

        if (reference.sessionId() != null) {
            Optional<ProjectedSession> session = projection.session(reference.sessionId());
            if (session.isEmpty()) {
                pending = true;
            } else {
                ProjectedSession known = session.get();
                if (!known.pseudonymId.equals(reference.pseudonymId())
                        || !known.clinicId.equals(reference.clinicId())) {
                    return new Link(LinkStatus.MISMATCH, episodeId, false, "sessionId");
                }
                if (episodeId != null && known.episodeId != null && !episodeId.equals(known.episodeId)) {
                    return new Link(LinkStatus.MISMATCH, episodeId, false, "episodeId");
                }
                episodeId = known.episodeId != null ? known.episodeId : episodeId;
                late = reference.timepoint() == Timepoint.POST_SESSION
                        && known.startedAt != null
                        && reference.answeredAt().isAfter(known.startedAt.plus(postSessionWindow));
            }
        }
        if (episodeId != null) {
            if (!(episodesAtHand && oneOf(episodes.get(), episodeId).isPresent())) {
                Optional<ProjectedEpisode> episode = projection.episode(episodeId);
                if (episode.isEmpty()) {
                    pending = true;
                } else if (!episode.get().pseudonymId.equals(reference.pseudonymId())
                        || !episode.get().clinicId.equals(reference.clinicId())) {
                    return new Link(LinkStatus.MISMATCH, episodeId, late, "episodeId");
                }
            }
        } else if (clinicOfPatient.isPresent()) {
            episodeId = episodeAt(episodes.get(), reference.timepoint(), reference.answeredAt())
                    .map(EpisodeStart::episodeId)
                    .orElse(null);
        }
        return new Link(pending ? LinkStatus.PENDING : LinkStatus.LINKED, episodeId, late, null);
    }

    private static Optional<EpisodeStart> oneOf(List<EpisodeStart> episodes, UUID episodeId) {
        return episodes.stream()
                .filter(episode -> episode.episodeId().equals(episodeId))
                .findFirst();
    }

    /**
     * The episode an assessment without explicit episode belongs to: the patient's latest one in the clinic started
     * on or before the answer's date (a baseline may precede the start by {@link #BASELINE_LEAD}).
     */
    private static Optional<EpisodeStart> episodeAt(
            List<EpisodeStart> episodes, Timepoint timepoint, Instant answeredAt) {
        Instant reference = timepoint == Timepoint.BASELINE ? answeredAt.plus(BASELINE_LEAD) : answeredAt;
        LocalDate day = reference.atZone(ZoneOffset.UTC).toLocalDate();
        return episodes.stream()
                .filter(episode ->
                        episode.startDate() != null && !episode.startDate().isAfter(day))
                .max(Comparator.comparing(EpisodeStart::startDate).thenComparing(EpisodeStart::episodeId));
    }
}
