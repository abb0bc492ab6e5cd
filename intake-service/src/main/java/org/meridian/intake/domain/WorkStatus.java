package org.meridian.intake.domain;

/** Work status at intake (ICHOM low back pain set). */
public enum WorkStatus {
    WORKING_FULL_TIME,
    WORKING_PART_TIME,
    OFF_WORK_DUE_TO_BACK_PAIN,
    OFF_WORK_OTHER_REASON,
    UNEMPLOYED,
    RETIRED,
    STUDENT,
    HOMEMAKER,
    OTHER
}
