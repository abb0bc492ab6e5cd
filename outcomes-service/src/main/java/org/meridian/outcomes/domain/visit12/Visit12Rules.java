package org.meridian.outcomes.domain.visit12;

import java.util.List;

/**
 * The decision of the visit-12 check from its facts. The rules are applied in a fixed order and the first that
 * applies decides: regression, the annual cap, the open initial course, missing evidence, no improvement,
 * improvement. Regression and the cap come first because the NCD applies them at every visit, not only at the
 * twelfth: a patient who regresses at visit 6 is not told that the course continues.
 */
public final class Visit12Rules {

    private Visit12Rules() {}

    /**
     * What the check knows.
     *
     * @param initialCourseOpen fewer sessions than the limit so far and still within the initial period
     * @param improved true if any measure met its responder rule, false if measures exist and none did, null without
     *        evidence
     * @param deteriorated the measures that deteriorated (instrument codes), empty if none
     * @param responders the measures that met their responder rule, empty if none
     * @param sessionsCounted sessions counted against the annual cap
     */
    public record Facts(
            boolean initialCourseOpen,
            int initialSessionsHeld,
            int initialSessionLimit,
            int initialPeriodDays,
            Boolean improved,
            List<String> deteriorated,
            List<String> responders,
            int sessionsCounted,
            int annualCap,
            int additionalSessions) {

        int remainingUnderCap() {
            return Math.max(0, annualCap - sessionsCounted);
        }
    }

    /** The decision, the rule that produced it, and why, in words a clinician can check. */
    public record Outcome(Visit12Decision decision, Visit12Rule rule, String reason, int additionalSessionsAllowed) {}

    public static Outcome decide(Facts facts) {
        if (!facts.deteriorated().isEmpty()) {
            return new Outcome(
                    Visit12Decision.REGRESSING,
                    Visit12Rule.REGRESSION,
                    String.join(", ", facts.deteriorated())
                            + " deteriorated since baseline by the minimal clinically important difference. NCD 30.3.3:"
                            + " treatment must be discontinued if the patient is regressing; review the plan now.",
                    0);
        }
        if (facts.remainingUnderCap() == 0) {
            return new Outcome(
                    Visit12Decision.ANNUAL_CAP_REACHED,
                    Visit12Rule.ANNUAL_CAP,
                    facts.sessionsCounted()
                            + " sessions in the counting window reach the cap of " + facts.annualCap()
                            + " a year (NCD 30.3.3: no more than 20 acupuncture treatments annually); no further session is"
                            + " covered in this window.",
                    0);
        }
        if (facts.initialCourseOpen()) {
            String progress = facts.improved() == null
                    ? "No change can be measured yet."
                    : facts.improved()
                            ? "Improvement documented so far: " + String.join(", ", facts.responders()) + "."
                            : "Not improving yet (no measure has met its responder rule), and nothing has deteriorated.";
            return new Outcome(
                    Visit12Decision.INITIAL_COURSE_CONTINUES,
                    Visit12Rule.INITIAL_COURSE,
                    facts.initialSessionsHeld() + " of up to " + facts.initialSessionLimit() + " sessions held within "
                            + facts.initialPeriodDays() + " days of the first (NCD 30.3.3: up to 12 visits in 90 days);"
                            + " improvement is judged when the initial course ends. " + progress,
                    0);
        }
        if (facts.improved() == null) {
            return new Outcome(
                    Visit12Decision.INSUFFICIENT_DATA,
                    Visit12Rule.NO_EVIDENCE,
                    "No measure has a baseline"
                            + " and a later value in the initial course, so improvement cannot be demonstrated (NCD 30.3.3: the"
                            + " additional sessions are for patients demonstrating an improvement).",
                    0);
        }
        if (!facts.improved()) {
            return new Outcome(
                    Visit12Decision.NOT_IMPROVING,
                    Visit12Rule.NO_IMPROVEMENT,
                    "No measure met its"
                            + " responder rule in the initial course. NCD 30.3.3: additional sessions only for patients"
                            + " demonstrating an improvement; treatment must be discontinued if the patient is not improving.",
                    0);
        }
        int allowed = Math.min(facts.additionalSessions(), facts.remainingUnderCap());
        return new Outcome(
                Visit12Decision.ADDITIONAL_SESSIONS_SUPPORTED,
                Visit12Rule.IMPROVEMENT,
                String.join(", ", facts.responders()) + " met the responder rule and nothing deteriorated (NCD 30.3.3:"
                        + " an additional " + facts.additionalSessions() + " sessions for patients demonstrating an"
                        + " improvement): up to " + allowed + " more, " + facts.remainingUnderCap()
                        + " left under the annual cap.",
                allowed);
    }
}
